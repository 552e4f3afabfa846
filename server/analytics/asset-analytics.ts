import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AssetType } from "@/lib/assets";
import type { AnalyticsFilters, AssetAnalytics, AssetSort } from "@/lib/schemas/analytics";
import { assetTypeSql, inPeriodSql } from "./analytics-scope";
import { getAssetBuyerEngagement } from "./buyer-engagement";
import { countOutcomes, type OutcomeCell } from "./effectiveness-query";
import { compareByLift, effectiveness } from "./metrics";
import { usageByAssetSql } from "./usage-query";

type UsageRow = {
  asset_id: string;
  title: string;
  type: AssetType;
  views: number;
  downloads: number;
  usages: number;
  deals: number;
  reps: number;
  last_used_at: Date | string | null;
  helped: number;
  not_helped: number;
  open_questions: number;
};

/**
 * Usage per asset from the rollups: views and downloads by day (not tied to deals, so deal filters do not
 * narrow them), and usages, distinct deals and reps as usage-query.ts counts them (each deal and rep at
 * its latest use of the asset). Feedback comes from one grouped
 * pass over the ratings (rated or re-rated in the period) and the questions still open now.
 */
async function usageByAsset(db: Database, workspaceId: string, f: AnalyticsFilters, assetId?: string) {
  const { rows } = await db.execute<UsageRow>(sql`
    SELECT a.id AS asset_id, a.title, a.type,
           coalesce(v.views, 0)::int AS views, coalesce(v.downloads, 0)::int AS downloads,
           coalesce(u.usages, 0)::int AS usages, coalesce(u.deals, 0)::int AS deals,
           coalesce(u.reps, 0)::int AS reps, u.last_used_at,
           coalesce(fb.helped, 0)::int AS helped, coalesce(fb.not_helped, 0)::int AS not_helped,
           coalesce(q.open_questions, 0)::int AS open_questions
      FROM assets a
      LEFT JOIN (
        SELECT asset_id, sum(views) AS views, sum(downloads) AS downloads
          FROM analytics_asset_daily
         WHERE workspace_id = ${workspaceId} AND ${inPeriodSql(sql`day`, f)}
         GROUP BY asset_id
      ) v ON v.asset_id = a.id
      LEFT JOIN (${usageByAssetSql(workspaceId, f, assetId)}      ) u ON u.asset_id = a.id
      LEFT JOIN (
        SELECT asset_id, count(*) FILTER (WHERE helped) AS helped,
               count(*) FILTER (WHERE NOT helped) AS not_helped
          FROM asset_ratings
         WHERE workspace_id = ${workspaceId} AND ${inPeriodSql(sql`updated_at`, f)}
         GROUP BY asset_id
      ) fb ON fb.asset_id = a.id
      LEFT JOIN (
        SELECT asset_id, count(*) AS open_questions
          FROM asset_comments
         WHERE workspace_id = ${workspaceId} AND kind = 'question' AND parent_id IS NULL
           AND resolved_at IS NULL
         GROUP BY asset_id
      ) q ON q.asset_id = a.id
     WHERE a.workspace_id = ${workspaceId} AND a.status <> 'draft' AND ${assetTypeSql(f)}
       ${assetId ? sql`AND a.id = ${assetId}` : sql``}
  `);
  return rows;
}

/** The effectiveness fields of one outcome cell (no cell: the asset was used in no closed deal). */
export function outcomeOf(cell: OutcomeCell | undefined) {
  const e = effectiveness(
    { won: cell?.usedWon ?? 0, lost: cell?.usedLost ?? 0, wonRevenueMinor: cell?.usedRevenueMinor ?? 0 },
    { won: cell?.baselineWon ?? 0, lost: cell?.baselineLost ?? 0 },
  );
  return {
    used: e.used,
    baseline: e.baseline,
    lift: e.lift,
    verdict: e.verdict,
    influencedRevenue: e.influencedRevenueMinor / 100,
  };
}

export function toAssetAnalytics(usage: UsageRow, cell: OutcomeCell | undefined): AssetAnalytics {
  const last = usage.last_used_at;
  return {
    assetId: usage.asset_id,
    title: usage.title,
    type: usage.type,
    views: Number(usage.views),
    downloads: Number(usage.downloads),
    usages: Number(usage.usages),
    deals: Number(usage.deals),
    reps: Number(usage.reps),
    lastUsedAt: last === null ? null : new Date(last).toISOString(),
    helped: Number(usage.helped),
    notHelped: Number(usage.not_helped),
    openQuestions: Number(usage.open_questions),
    ...outcomeOf(cell),
  };
}

const sorters: Record<Exclude<AssetSort, "lift">, (a: AssetAnalytics, b: AssetAnalytics) => number> = {
  win_rate: (a, b) => (b.used.rate ?? -1) - (a.used.rate ?? -1),
  usages: (a, b) => b.usages - a.usages,
  revenue: (a, b) => b.influencedRevenue - a.influencedRevenue,
  deals: (a, b) => b.deals - a.deals,
  title: () => 0,
};

export function sortAssetAnalytics(rows: AssetAnalytics[], sort: AssetSort): AssetAnalytics[] {
  if (sort === "lift") return [...rows].sort(compareByLift);
  return [...rows].sort((a, b) => sorters[sort](a, b) || a.title.localeCompare(b.title));
}

/** Every non-draft asset with its usage and effectiveness under the filters. */
export async function listAssetAnalytics(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
  sort: AssetSort = "lift",
): Promise<AssetAnalytics[]> {
  const [usage, cells] = await Promise.all([
    usageByAsset(db, workspaceId, f),
    countOutcomes(db, workspaceId, f, { grain: "asset" }),
  ]);
  const byAsset = new Map(cells.map((c) => [c.assetId, c]));
  return sortAssetAnalytics(
    usage.map((u) => toAssetAnalytics(u, byAsset.get(u.asset_id))),
    sort,
  );
}

/** One asset: its overall numbers, what buyers did with it in rooms, and one row per stage it was used at. */
export async function getAssetAnalytics(
  db: Database,
  workspaceId: string,
  assetId: string,
  f: AnalyticsFilters,
) {
  const [usage, overall, perStage, buyerEngagement] = await Promise.all([
    usageByAsset(db, workspaceId, f, assetId),
    countOutcomes(db, workspaceId, f, { grain: "asset", assetId }),
    countOutcomes(db, workspaceId, f, { grain: "asset_stage", assetId }),
    getAssetBuyerEngagement(db, workspaceId, assetId, f),
  ]);
  const row = usage[0];
  if (!row) return null;
  return {
    overall: toAssetAnalytics(row, overall[0]),
    buyerEngagement,
    byStage: perStage.map((c) => ({ stageId: c.stageId!, ...outcomeOf(c) })),
  };
}
