import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { assetTypeSql } from "./analytics-scope";
import { outcomeOf } from "./asset-analytics";
import { edgeDaysSql, wholeMonthsSql } from "./close-buckets";
import { countOutcomes } from "./effectiveness-query";

export interface HeatmapCell {
  stageId: string;
  usages: number;
  usedClosed: number;
  winRate: number | null;
  lift: number | null;
  verdict: "too_few" | "higher" | "lower" | "unclear";
}

/**
 * Asset x stage: usages logged and effectiveness at each stage, for the most used assets. Usages come
 * from the monthly rollup for the period's whole months and the daily one for the days at its edges.
 */
export async function stageHeatmap(db: Database, workspaceId: string, f: AnalyticsFilters, top = 15) {
  const { stageId: _ignored, ...allStages } = f;
  const [usage, cells] = await Promise.all([
    db.execute<{ asset_id: string; title: string; stage_id: string; usages: number }>(sql`
      SELECT u.asset_id, a.title, u.stage_id, sum(u.usages)::int AS usages
        FROM (SELECT asset_id, stage_id, usages FROM analytics_usage_monthly
               WHERE workspace_id = ${workspaceId} AND ${wholeMonthsSql(sql`month`, f)}
              UNION ALL
              SELECT asset_id, stage_id, usages FROM analytics_usage_daily
               WHERE workspace_id = ${workspaceId} AND ${edgeDaysSql(sql`day`, f)}) u
        JOIN assets a ON a.id = u.asset_id
       WHERE ${assetTypeSql(f)}
       GROUP BY 1, 2, 3
    `),
    countOutcomes(db, workspaceId, allStages, { grain: "asset_stage" }),
  ]);
  const totals = new Map<string, { title: string; usages: number }>();
  for (const r of usage.rows) {
    const t = totals.get(r.asset_id) ?? { title: r.title, usages: 0 };
    t.usages += Number(r.usages);
    totals.set(r.asset_id, t);
  }
  const chosen = [...totals.entries()]
    .sort((a, b) => b[1].usages - a[1].usages || a[1].title.localeCompare(b[1].title))
    .slice(0, top);
  const key = (assetId: string, stageId: string) => `${assetId}:${stageId}`;
  const usageAt = new Map(usage.rows.map((r) => [key(r.asset_id, r.stage_id), Number(r.usages)]));
  const outcomeAt = new Map(cells.map((c) => [key(c.assetId, c.stageId!), c]));
  const stageIds = [...new Set(usage.rows.map((r) => r.stage_id).concat(cells.map((c) => c.stageId!)))];
  return chosen.map(([assetId, t]) => ({
    assetId,
    title: t.title,
    usages: t.usages,
    cells: stageIds.map<HeatmapCell>((stageId) => {
      const o = outcomeOf(outcomeAt.get(key(assetId, stageId)));
      return {
        stageId,
        usages: usageAt.get(key(assetId, stageId)) ?? 0,
        usedClosed: o.used.closed,
        winRate: o.used.rate,
        lift: o.lift,
        verdict: o.verdict,
      };
    }),
  }));
}
