import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { inPeriodSql } from "./analytics-scope";
import { activeRepsByWeekSql } from "./usage-query";

export interface WeekPoint {
  week: string;
  usages: number;
  views: number;
  downloads: number;
  /**
   * Share of active reps and partner users who own a deal with a usage that week (a deal's repeated use of
   * the same asset counts in the week of its latest use).
   */
  adoption: number | null;
}

/** Weekly usages, views, downloads and rep adoption over the period (from the daily rollups). */
export async function weeklyTrend(
  db: Database,
  workspaceId: string,
  f: AnalyticsFilters,
): Promise<WeekPoint[]> {
  const { rows } = await db.execute<{
    week: string;
    usages: number;
    views: number;
    downloads: number;
    active_reps: number;
    reps: number;
  }>(sql`
    WITH usage AS (
      SELECT date_trunc('week', day)::date AS week, sum(usages) AS usages
        FROM analytics_stage_usage_daily
       WHERE workspace_id = ${workspaceId} AND ${inPeriodSql(sql`day`, f)}
         ${f.stageId ? sql`AND stage_id = ${f.stageId}` : sql``}
       GROUP BY 1
    ),
    views AS (
      SELECT date_trunc('week', day)::date AS week, sum(views) AS views, sum(downloads) AS downloads
        FROM analytics_workspace_views_daily
       WHERE workspace_id = ${workspaceId} AND ${inPeriodSql(sql`day`, f)}
       GROUP BY 1
    ),
    adoption AS (${activeRepsByWeekSql(workspaceId, f)}),
    reps AS (
      SELECT count(*) AS n FROM users
       WHERE workspace_id = ${workspaceId} AND active AND role IN ('rep', 'partner')
    )
    SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
           coalesce(u.usages, 0)::int AS usages, coalesce(v.views, 0)::int AS views,
           coalesce(v.downloads, 0)::int AS downloads, coalesce(a.active_reps, 0)::int AS active_reps,
           (SELECT n FROM reps)::int AS reps
      FROM (SELECT week FROM usage UNION SELECT week FROM views UNION SELECT week FROM adoption) w
      LEFT JOIN usage u ON u.week = w.week
      LEFT JOIN views v ON v.week = w.week
      LEFT JOIN adoption a ON a.week = w.week
     ORDER BY w.week
  `);
  return rows.map((r) => ({
    week: r.week,
    usages: Number(r.usages),
    views: Number(r.views),
    downloads: Number(r.downloads),
    adoption: Number(r.reps) > 0 ? Number(r.active_reps) / Number(r.reps) : null,
  }));
}
