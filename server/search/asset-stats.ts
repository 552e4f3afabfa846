import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { parsePageFilters } from "@/lib/analytics/page-filters";
import { inPeriodSql } from "@/server/analytics/analytics-scope";
import { MIN_CLOSED_DEALS } from "@/server/analytics/metrics";
import { outcomeRollupSql } from "@/server/analytics/outcome-rollup-query";

/** Ranks below every real lift (which lies in [-1, 1]): assets with too few deals to tell. */
const NO_LIFT = -2;

/** The first day of the stats' period: the analytics dashboard's default (the last 12 months). */
export function statsPeriodStart(today = new Date()): string {
  return parsePageFilters({}, today).filters.from!;
}

/**
 * Per asset in the workspace, over the analytics dashboard's default period (the last 12 months): usages
 * logged, and the analytics lift (metrics.ts: used win rate minus baseline win rate; null below
 * MIN_CLOSED_DEALS closed deals on either side), both read from the rollups.
 */
export function assetStatsSql(workspaceId: string, today = new Date()) {
  const { filters } = parsePageFilters({}, today);
  return sql`
    SELECT coalesce(o.asset_id, u.asset_id) AS asset_id, coalesce(u.usages, 0)::int AS usage_count,
           CASE WHEN o.won + o.lost >= ${MIN_CLOSED_DEALS}
                 AND o.baseline_won + o.baseline_lost >= ${MIN_CLOSED_DEALS}
                THEN o.won::float8 / (o.won + o.lost)
                     - o.baseline_won::float8 / (o.baseline_won + o.baseline_lost)
           END AS lift
      FROM (${outcomeRollupSql(workspaceId, filters, { grain: "asset" })}) o
      FULL JOIN (
        SELECT asset_id, sum(usages) AS usages FROM analytics_usage_daily
         WHERE workspace_id = ${workspaceId} AND ${inPeriodSql(sql`day`, filters)}
         GROUP BY asset_id
      ) u ON u.asset_id = o.asset_id`;
}

/**
 * The stats as a subquery to join to assets: search's "most used" and "most effective" sorts and the
 * deal page's recommendations rank by them.
 */
export function assetStatsSubquery(db: Database, workspaceId: string) {
  return db
    .select({
      // Drizzle refers to these by alias alone, so the names must not clash with the outer query's.
      assetId: sql<string>`s.asset_id`.as("stats_asset_id"),
      usageCount: sql<number>`s.usage_count`.as("stats_usage_count"),
      lift: sql<number | null>`s.lift`.as("stats_lift"),
    })
    .from(sql`(${assetStatsSql(workspaceId)}) s`)
    .as("asset_stats");
}

export type AssetStats = ReturnType<typeof assetStatsSubquery>;

export const usageOf = (stats: AssetStats) => sql<number>`coalesce(${stats.usageCount}, 0)::int`;
/** Lift, highest first; assets with too few deals (or none) after every asset with a lift. */
export const effectivenessOf = (stats: AssetStats) =>
  sql<number>`coalesce(${stats.lift}, ${sql.raw(String(NO_LIFT))})::float8`;
/** The lift itself (null: too few deals to tell). */
export const liftOf = (stats: AssetStats) => sql<number | null>`${stats.lift}::float8`;
