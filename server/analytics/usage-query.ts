import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { dealFilterSql, inUtcPeriodSql } from "./analytics-scope";
import { closeBucketsSql } from "./close-buckets";
import { hasDealFilters } from "./effectiveness-query";

/*
 * Usage per asset in the period: usages of the deal x asset x stage rows last used in it; deals whose
 * latest use of the asset (at the filtered stage, if any) falls in it; reps (deal owners) whose latest use
 * of it (at that stage) across their deals falls in it; and the latest of those uses. Counting each deal
 * and rep at its latest use makes the counts sums over rollup rows (analytics_asset_usage, or
 * analytics_asset_stage_usage for one stage) when no deal filter applies; with one, the same sets are
 * counted from analytics_deal_assets joined to the filtered deals.
 * Both give the same numbers (tests/analytics/rollup-equivalence.test.ts).
 */

/** Rows (asset_id, usages, deals, reps, last_used_at), one per asset with any. */
export function usageByAssetSql(workspaceId: string, f: AnalyticsFilters, assetId?: string): SQL {
  return hasDealFilters(f)
    ? usageFromDealsSql(workspaceId, f, assetId)
    : usageFromRollupsSql(workspaceId, f, assetId);
}

export function usageFromRollupsSql(workspaceId: string, f: AnalyticsFilters, assetId?: string): SQL {
  const onAsset = assetId ? sql`AND o.asset_id = ${assetId}` : sql``;
  if (f.stageId) {
    return sql`
      SELECT u.asset_id, u.usages, u.deals, u.reps,
             (SELECT max(p.last_used_at) FROM analytics_stage_use_owner p
               WHERE p.asset_id = u.asset_id AND p.stage_id = ${f.stageId}
                 AND ${inUtcPeriodSql(sql`p.last_used_at`, f)}) AS last_used_at
        FROM (SELECT o.asset_id, sum(o.usages) AS usages, sum(o.deals) AS deals, sum(o.reps) AS reps
                FROM analytics_asset_stage_usage o
               WHERE o.workspace_id = ${workspaceId} AND o.stage_id = ${f.stageId}
                 AND ${closeBucketsSql("o", f)} ${onAsset}
               GROUP BY o.asset_id) u`;
  }
  return sql`
    SELECT u.asset_id, u.usages, u.deals, u.reps,
           (SELECT max(l.last_used_at) FROM analytics_deal_asset_latest l
             WHERE l.asset_id = u.asset_id AND ${inUtcPeriodSql(sql`l.last_used_at`, f)}) AS last_used_at
      FROM (SELECT o.asset_id, sum(o.usages) AS usages, sum(o.deals) AS deals, sum(o.reps) AS reps
              FROM analytics_asset_usage o
             WHERE o.workspace_id = ${workspaceId} AND ${closeBucketsSql("o", f)} ${onAsset}
             GROUP BY o.asset_id) u`;
}

export function usageFromDealsSql(workspaceId: string, f: AnalyticsFilters, assetId?: string): SQL {
  return sql`
    WITH r AS (
      SELECT da.asset_id, da.deal_id, d.owner_id, da.usages, da.last_used_at
        FROM analytics_deal_assets da
        JOIN deals d ON d.id = da.deal_id
       WHERE ${dealFilterSql(workspaceId, f)}
         ${f.stageId ? sql`AND da.stage_id = ${f.stageId}` : sql``}
         ${assetId ? sql`AND da.asset_id = ${assetId}` : sql``}
    ),
    by_deal AS (
      SELECT asset_id, deal_id, owner_id, max(last_used_at) AS latest FROM r GROUP BY 1, 2, 3
    ),
    by_rep AS (
      SELECT asset_id, owner_id, max(latest) AS latest FROM by_deal GROUP BY 1, 2
    )
    SELECT asset_id, sum(usages) AS usages, sum(deals) AS deals, sum(reps) AS reps,
           max(last_used_at) AS last_used_at
      FROM (SELECT asset_id, usages, 0 AS deals, 0 AS reps, NULL::timestamptz AS last_used_at FROM r
             WHERE ${inUtcPeriodSql(sql`last_used_at`, f)}
            UNION ALL
            SELECT asset_id, 0, 1, 0, latest FROM by_deal WHERE ${inUtcPeriodSql(sql`latest`, f)}
            UNION ALL
            SELECT asset_id, 0, 0, 1, NULL FROM by_rep WHERE ${inUtcPeriodSql(sql`latest`, f)}) x
     GROUP BY asset_id`;
}

/** Rows (week, active_reps): reps whose deals had an asset's latest use in that week of the period. */
export function activeRepsByWeekSql(workspaceId: string, f: AnalyticsFilters): SQL {
  return hasDealFilters(f)
    ? activeRepsFromDealsSql(workspaceId, f)
    : activeRepsFromRollupsSql(workspaceId, f);
}

export function activeRepsFromRollupsSql(workspaceId: string, f: AnalyticsFilters): SQL {
  return sql`
      SELECT date_trunc('week', day)::date AS week, count(DISTINCT owner_id) AS active_reps
        FROM analytics_rep_activity
       WHERE workspace_id = ${workspaceId}
         ${f.from ? sql`AND day >= ${f.from}::date` : sql``} ${f.to ? sql`AND day <= ${f.to}::date` : sql``}
       GROUP BY 1`;
}

export function activeRepsFromDealsSql(workspaceId: string, f: AnalyticsFilters): SQL {
  return sql`
    SELECT date_trunc('week', latest AT TIME ZONE 'UTC')::date AS week, count(DISTINCT owner_id) AS active_reps
      FROM (SELECT da.asset_id, da.deal_id, d.owner_id, max(da.last_used_at) AS latest
              FROM analytics_deal_assets da
              JOIN deals d ON d.id = da.deal_id
             WHERE ${dealFilterSql(workspaceId, f)}
             GROUP BY 1, 2, 3) p
     WHERE ${inUtcPeriodSql(sql`latest`, f)}
     GROUP BY 1`;
}
