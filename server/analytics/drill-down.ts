import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { closedInPeriodSql, dealFilterSql } from "./analytics-scope";

export interface DrillDeal {
  id: string;
  name: string;
  accountName: string;
  status: "won" | "lost";
  amountMinor: number;
  currency: string;
  closedAt: string | null;
  ownerName: string;
}

/**
 * The closed deals behind an asset's numbers: "used" are the deals counted in its win rate, "baseline"
 * the comparable deals it is measured against (metrics.ts defines both sets).
 */
export async function listDealsBehind(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
  assetId: string,
  side: "used" | "baseline",
): Promise<DrillDeal[]> {
  const usedHere = sql`EXISTS (SELECT 1 FROM analytics_deal_assets da WHERE da.deal_id = d.id
    AND da.asset_id = ${assetId} ${f.stageId ? sql`AND da.stage_id = ${f.stageId}` : sql``})`;
  const usedAnywhere = sql`EXISTS (SELECT 1 FROM analytics_deal_assets da WHERE da.deal_id = d.id
    AND da.asset_id = ${assetId})`;
  // The stage a baseline deal must have reached: the filtered stage, or the earliest stage any used deal
  // used the asset at.
  const entryPosition = f.stageId
    ? sql`(SELECT position FROM buying_stages WHERE id = ${f.stageId})`
    : sql`(SELECT min(s.position) FROM analytics_deal_assets da
            JOIN deals d ON d.id = da.deal_id JOIN buying_stages s ON s.id = da.stage_id
           WHERE da.asset_id = ${assetId} AND ${dealFilterSql(workspaceId, f)} AND ${closedInPeriodSql(f)})`;
  const condition =
    side === "used"
      ? usedHere
      : sql`NOT ${usedAnywhere} AND coalesce(r.reached_position, 0) >= ${entryPosition}`;
  return listClosedDealsWhere(db, workspaceId, f, condition);
}

/** Closed deals in the period under the filters that meet `condition` (on deal `d` and its reach `r`). */
export async function listClosedDealsWhere(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
  condition: SQL,
): Promise<DrillDeal[]> {
  const { rows } = await db.execute<{
    id: string;
    name: string;
    account_name: string;
    status: "won" | "lost";
    amount_minor: number;
    currency: string;
    closed_at: Date | string | null;
    owner_name: string;
  }>(sql`
    SELECT d.id, d.name, d.account_name, d.status, d.amount_minor::float8 AS amount_minor, d.currency,
           d.closed_at, u.name AS owner_name
      FROM deals d
      JOIN users u ON u.id = d.owner_id
      LEFT JOIN analytics_deal_reach r ON r.deal_id = d.id
     WHERE ${dealFilterSql(workspaceId, f)} AND ${closedInPeriodSql(f)} AND ${condition}
     ORDER BY d.closed_at DESC NULLS LAST, d.name
     LIMIT 2000
  `);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    accountName: r.account_name,
    status: r.status,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
    ownerName: r.owner_name,
  }));
}
