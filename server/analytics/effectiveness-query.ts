import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { assetTypeSql, closedInPeriodSql, dealFilterSql } from "./analytics-scope";
import { cellsWithBaselineSql, countOutcomeRowsFromRollups, type OutcomeRow } from "./outcome-rollup-query";

export interface OutcomeCell {
  assetId: string;
  /** null: the asset at any stage (or at the filtered stage). */
  stageId: string | null;
  usedWon: number;
  usedLost: number;
  usedRevenueMinor: number;
  baselineWon: number;
  baselineLost: number;
}

type Grain = { grain: "asset" | "asset_stage"; assetId?: string };

/** Filters that narrow the deals themselves (the outcome rollups are not broken down by these). */
export function hasDealFilters(f: AnalyticsFilters): boolean {
  return Boolean(f.repId || f.team || f.partnerOrgId || f.partnerTierId || f.productId || f.industryId);
}

/**
 * Counts, per asset (grain "asset") or per asset and stage (grain "asset_stage"), the used and baseline
 * deal sets defined in metrics.ts. Without deal-side filters it reads the outcome rollups only
 * (outcome-rollup-query.ts); with them, the deal-level rollups joined to the filtered deals. Both give the
 * same numbers (tests/analytics/rollup-equivalence.test.ts). Never reads asset_usages or activity_events.
 */
export async function countOutcomes(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
  opts: Grain,
): Promise<OutcomeCell[]> {
  const rows = hasDealFilters(f)
    ? await countOutcomeRowsFromDeals(db, workspaceId, f, opts)
    : await countOutcomeRowsFromRollups(db, workspaceId, f, opts);
  return rows.map(toCell);
}

/** The deal-level count: analytics_deal_assets and analytics_deal_reach joined to the filtered deals. */
export async function countOutcomeRowsFromDeals(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
  opts: Grain,
): Promise<OutcomeRow[]> {
  const grain = opts.grain === "asset" ? sql`NULL::uuid` : sql`stage_id`;
  const { rows } = await db.execute<OutcomeRow>(sql`
    WITH closed AS (
      SELECT d.id, d.status, d.amount_minor, coalesce(r.reached_position, 0) AS reached
        FROM deals d
        LEFT JOIN analytics_deal_reach r ON r.deal_id = d.id
       WHERE ${dealFilterSql(workspaceId, f)} AND ${closedInPeriodSql(f)}
    ),
    pairs AS (
      SELECT da.asset_id, da.stage_id, s.position, c.id AS deal_id, c.status, c.amount_minor, c.reached
        FROM analytics_deal_assets da
        JOIN closed c ON c.id = da.deal_id
        JOIN buying_stages s ON s.id = da.stage_id
        JOIN assets a ON a.id = da.asset_id
       WHERE da.workspace_id = ${workspaceId} AND ${assetTypeSql(f)}
         ${opts.assetId ? sql`AND da.asset_id = ${opts.assetId}` : sql``}
    ),
    used AS (
      SELECT asset_id, ${grain} AS stage_id, deal_id, status, amount_minor, min(position) AS pos
        FROM pairs
       ${f.stageId ? sql`WHERE stage_id = ${f.stageId}` : sql``}
       GROUP BY 1, 2, 3, 4, 5
    ),
    cells AS (
      SELECT asset_id, stage_id, min(pos) AS entry_pos,
             count(*) FILTER (WHERE status = 'won') AS won,
             count(*) FILTER (WHERE status = 'lost') AS lost,
             coalesce(sum(amount_minor) FILTER (WHERE status = 'won'), 0) AS revenue
        FROM used GROUP BY 1, 2
    ),
    reach AS (
      SELECT s.position,
             count(c.id) FILTER (WHERE c.status = 'won') AS won,
             count(c.id) FILTER (WHERE c.status = 'lost') AS lost
        FROM buying_stages s
        LEFT JOIN closed c ON c.reached >= s.position
       WHERE s.workspace_id = ${workspaceId}
       GROUP BY s.position
    ),
    used_by_reach AS (
      SELECT asset_id, reached,
             count(*) FILTER (WHERE status = 'won') AS won,
             count(*) FILTER (WHERE status = 'lost') AS lost
        FROM (SELECT DISTINCT asset_id, deal_id, status, reached FROM pairs) x
       GROUP BY 1, 2
    )
    ${cellsWithBaselineSql}
  `);
  return rows;
}

function toCell(r: OutcomeRow): OutcomeCell {
  return {
    assetId: r.asset_id,
    stageId: r.stage_id,
    usedWon: Number(r.won),
    usedLost: Number(r.lost),
    usedRevenueMinor: Number(r.revenue),
    baselineWon: Number(r.baseline_won),
    baselineLost: Number(r.baseline_lost),
  };
}
