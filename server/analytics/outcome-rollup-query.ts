import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { assetTypeSql } from "./analytics-scope";
import { closeBucketsSql } from "./close-buckets";

export type OutcomeRow = {
  asset_id: string;
  stage_id: string | null;
  won: number;
  lost: number;
  revenue: number;
  baseline_won: number;
  baseline_lost: number;
};

/**
 * countOutcomes from the outcome rollups (no join to deals), for filters without deal-side conditions.
 * Same sets as the deal-level query:
 * - at one stage, a cell's used deals are the stage rollup's deals; for the asset as a whole they are
 *   the asset rollup's (a deal counts once however many stages it used the asset at), and the entry
 *   stage is the earliest stage with used deals in the period;
 * - baseline = closed deals that reached the entry stage minus the asset's used deals (at any stage)
 *   that reached it, read from the reach histograms.
 */
export function outcomeRollupSql(
  workspaceId: string,
  f: AnalyticsFilters,
  opts: { grain: "asset" | "asset_stage"; assetId?: string },
) {
  const onAsset = opts.assetId ? sql`AND o.asset_id = ${opts.assetId}` : sql``;
  // The asset type is the only reason to join assets.
  const typeJoin = f.type ? sql`JOIN assets a ON a.id = o.asset_id` : sql``;
  const byStage = opts.grain === "asset_stage" || f.stageId !== undefined;
  const cells = byStage
    ? sql`
      SELECT o.asset_id, ${opts.grain === "asset" ? sql`NULL::uuid` : sql`o.stage_id`} AS stage_id,
             s.position AS entry_pos, sum(o.won) AS won, sum(o.lost) AS lost,
             sum(o.won_revenue_minor) AS revenue
        FROM analytics_outcome_stages o
        JOIN buying_stages s ON s.id = o.stage_id
        ${typeJoin}
       WHERE o.workspace_id = ${workspaceId} AND ${closeBucketsSql("o", f)} AND ${assetTypeSql(f)} ${onAsset}
         ${f.stageId ? sql`AND o.stage_id = ${f.stageId}` : sql``}
       GROUP BY o.asset_id, o.stage_id, s.position`
    : sql`
      SELECT e.asset_id, NULL::uuid AS stage_id, e.entry_pos, t.won, t.lost, t.revenue
        FROM (SELECT o.asset_id, min(s.position) AS entry_pos
                FROM analytics_outcome_stages o
                JOIN buying_stages s ON s.id = o.stage_id
                ${typeJoin}
               WHERE o.workspace_id = ${workspaceId} AND ${closeBucketsSql("o", f)} AND ${assetTypeSql(f)}
                 ${onAsset}
               GROUP BY o.asset_id) e
        JOIN (SELECT asset_id, sum(won) AS won, sum(lost) AS lost, sum(revenue) AS revenue
                FROM used_by_reach GROUP BY asset_id) t ON t.asset_id = e.asset_id`;
  return sql`
    WITH used_by_reach AS (
      SELECT o.asset_id, o.reached_position AS reached, sum(o.won) AS won, sum(o.lost) AS lost,
             sum(o.won_revenue_minor) AS revenue
        FROM analytics_outcome_assets o
        ${typeJoin}
       WHERE o.workspace_id = ${workspaceId} AND ${closeBucketsSql("o", f)} AND ${assetTypeSql(f)} ${onAsset}
       GROUP BY 1, 2
    ),
    closed_by_reach AS (
      SELECT o.reached_position AS reached, sum(o.won) AS won, sum(o.lost) AS lost
        FROM analytics_outcome_reach o
       WHERE o.workspace_id = ${workspaceId} AND ${closeBucketsSql("o", f)}
       GROUP BY 1
    ),
    reach AS (
      SELECT s.position, coalesce(sum(c.won), 0) AS won, coalesce(sum(c.lost), 0) AS lost
        FROM buying_stages s
        LEFT JOIN closed_by_reach c ON c.reached >= s.position
       WHERE s.workspace_id = ${workspaceId}
       GROUP BY s.position
    ),
    cells AS (${cells})
    ${cellsWithBaselineSql}`;
}

/**
 * The last step of both outcome queries (this one and the deal-level one in effectiveness-query.ts), the
 * baseline of metrics.ts: per cell, the closed deals that reached its entry stage (`reach`) minus the
 * asset's used deals that reached it (`used_by_reach`: used deals per asset by furthest stage reached).
 * Expects CTEs cells (asset_id, stage_id, entry_pos, won, lost, revenue), reach and used_by_reach.
 */
export const cellsWithBaselineSql = sql`
    SELECT c.asset_id, c.stage_id, c.won::int AS won, c.lost::int AS lost, c.revenue::float8 AS revenue,
           (r.won - coalesce(sum(u.won), 0))::int AS baseline_won,
           (r.lost - coalesce(sum(u.lost), 0))::int AS baseline_lost
      FROM cells c
      JOIN reach r ON r.position = c.entry_pos
      LEFT JOIN used_by_reach u ON u.asset_id = c.asset_id AND u.reached >= c.entry_pos
     GROUP BY c.asset_id, c.stage_id, c.won, c.lost, c.revenue, r.won, r.lost`;

export async function countOutcomeRowsFromRollups(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
  opts: { grain: "asset" | "asset_stage"; assetId?: string },
): Promise<OutcomeRow[]> {
  return (await db.execute<OutcomeRow>(outcomeRollupSql(workspaceId, f, opts))).rows;
}
