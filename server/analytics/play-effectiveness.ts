import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { closedInPeriodSql, dealFilterSql, inPeriodSql } from "./analytics-scope";
import { effectiveness, type WinRate, type Verdict } from "./metrics";

/*
 * Play effectiveness, with the same definitions as an asset's (metrics.ts):
 * - Used deals of a play: closed deals (won or lost in the period, so a reopened deal does not count)
 *   that ran the play.
 * - Baseline: closed deals in the same period that reached the play's entry stage (the earliest stage of
 *   its steps) and did not run it.
 * - Deals running it and steps done: plays attached in the period on deals under the deal filters, and
 *   the steps completed on them, whatever the deals' status.
 * Stage and asset-type filters do not apply: a play spans stages and assets.
 */

export interface PlayEffectiveness {
  playId: string;
  name: string;
  steps: number;
  dealsRunning: number;
  stepsDone: number;
  used: WinRate;
  baseline: WinRate;
  lift: number | null;
  verdict: Verdict;
}

/** Every play of the workspace with its runs and outcomes under the filters, in one query. */
export async function listPlayEffectiveness(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
): Promise<PlayEffectiveness[]> {
  const { rows } = await db.execute<{
    play_id: string;
    name: string;
    steps: number;
    deals_running: number;
    steps_done: number;
    used_won: number;
    used_lost: number;
    baseline_won: number;
    baseline_lost: number;
  }>(sql`
    WITH closed AS (
      SELECT d.id, d.status, coalesce(r.reached_position, 0) AS reached
        FROM deals d
        LEFT JOIN analytics_deal_reach r ON r.deal_id = d.id
       WHERE ${dealFilterSql(workspaceId, f)} AND ${closedInPeriodSql(f)}
    ),
    entry AS (
      SELECT p.id AS play_id, coalesce(min(s.position), 0) AS pos, count(ps.id) AS steps
        FROM plays p
        LEFT JOIN play_steps ps ON ps.play_id = p.id
        LEFT JOIN buying_stages s ON s.id = ps.stage_id
       WHERE p.workspace_id = ${workspaceId}
       GROUP BY p.id
    ),
    used AS (
      SELECT dp.play_id,
             count(*) FILTER (WHERE c.status = 'won') AS won,
             count(*) FILTER (WHERE c.status = 'lost') AS lost,
             count(*) FILTER (WHERE c.status = 'won' AND c.reached >= e.pos) AS won_reached,
             count(*) FILTER (WHERE c.status = 'lost' AND c.reached >= e.pos) AS lost_reached
        FROM deal_plays dp
        JOIN closed c ON c.id = dp.deal_id
        JOIN entry e ON e.play_id = dp.play_id
       GROUP BY dp.play_id
    ),
    runs AS (
      SELECT dp.play_id, count(DISTINCT dp.id) AS deals, count(dps.step_id) AS steps_done
        FROM deal_plays dp
        JOIN deals d ON d.id = dp.deal_id
        LEFT JOIN deal_play_steps dps ON dps.deal_play_id = dp.id
       WHERE ${dealFilterSql(workspaceId, f)} AND ${inPeriodSql(sql`dp.attached_at`, f)}
       GROUP BY dp.play_id
    )
    SELECT p.id AS play_id, p.name, e.steps::int AS steps,
           coalesce(r.deals, 0)::int AS deals_running, coalesce(r.steps_done, 0)::int AS steps_done,
           coalesce(u.won, 0)::int AS used_won, coalesce(u.lost, 0)::int AS used_lost,
           ((SELECT count(*) FROM closed c WHERE c.status = 'won' AND c.reached >= e.pos)
             - coalesce(u.won_reached, 0))::int AS baseline_won,
           ((SELECT count(*) FROM closed c WHERE c.status = 'lost' AND c.reached >= e.pos)
             - coalesce(u.lost_reached, 0))::int AS baseline_lost
      FROM plays p
      JOIN entry e ON e.play_id = p.id
      LEFT JOIN used u ON u.play_id = p.id
      LEFT JOIN runs r ON r.play_id = p.id
     WHERE p.workspace_id = ${workspaceId}
     ORDER BY p.name
  `);
  return rows.map((r) => {
    const e = effectiveness(
      { won: Number(r.used_won), lost: Number(r.used_lost), wonRevenueMinor: 0 },
      { won: Number(r.baseline_won), lost: Number(r.baseline_lost) },
    );
    return {
      playId: r.play_id,
      name: r.name,
      steps: Number(r.steps),
      dealsRunning: Number(r.deals_running),
      stepsDone: Number(r.steps_done),
      used: e.used,
      baseline: e.baseline,
      lift: e.lift,
      verdict: e.verdict,
    };
  });
}

/** The condition on a closed deal `d` (with reach `r`) for the deals behind a play's numbers. */
export function playDealsSql(workspaceId: string, playId: string, side: "used" | "baseline") {
  const ran = sql`EXISTS (SELECT 1 FROM deal_plays dp WHERE dp.deal_id = d.id AND dp.play_id = ${playId})`;
  if (side === "used") return ran;
  const entry = sql`(SELECT coalesce(min(s.position), 0) FROM play_steps ps
    JOIN buying_stages s ON s.id = ps.stage_id JOIN plays p ON p.id = ps.play_id
   WHERE ps.play_id = ${playId} AND p.workspace_id = ${workspaceId})`;
  return sql`NOT ${ran} AND coalesce(r.reached_position, 0) >= ${entry}`;
}
