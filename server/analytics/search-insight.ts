import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import { inPeriodSql } from "./analytics-scope";

export interface SearchTerm {
  query: string;
  searches: number;
  zeroResults: number;
  noClick: number;
  lastSearchedAt: string;
}

export interface SearchWeek {
  week: string;
  searches: number;
  zeroResults: number;
  noClick: number;
}

/**
 * What people search for (words lower-cased and trimmed), how often nothing came back, and how often a
 * search got no click. Reads search events through the (workspace, kind, created_at) index; searches are a
 * small fraction of activity, unlike views.
 */
export async function searchInsight(db: Database, workspaceId: string, f: AnalyticsFilters, limit = 50) {
  const base = sql`
    WITH s AS (
      SELECT e.id, lower(trim(e.query)) AS query, coalesce(e.result_count, 0) AS result_count, e.created_at,
             EXISTS (SELECT 1 FROM activity_events c
                      WHERE c.workspace_id = e.workspace_id AND c.kind = 'search_click'
                        AND c.actor_id IS NOT DISTINCT FROM e.actor_id AND c.query = e.query
                        AND c.filters ->> 'searchId' = e.id::text) AS clicked
        FROM activity_events e
       WHERE e.workspace_id = ${workspaceId} AND e.kind = 'search' AND coalesce(trim(e.query), '') <> ''
         AND ${inPeriodSql(sql`e.created_at`, f)}
    )`;
  const [terms, weeks] = await Promise.all([
    db.execute<{ query: string; searches: number; zero: number; no_click: number; last: Date | string }>(sql`
      ${base}
      SELECT query, count(*)::int AS searches, count(*) FILTER (WHERE result_count = 0)::int AS zero,
             count(*) FILTER (WHERE NOT clicked)::int AS no_click, max(created_at) AS last
        FROM s GROUP BY query ORDER BY count(*) DESC, query LIMIT ${limit * 4}
    `),
    db.execute<{ week: string; searches: number; zero: number; no_click: number }>(sql`
      ${base}
      SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
             count(*)::int AS searches, count(*) FILTER (WHERE result_count = 0)::int AS zero,
             count(*) FILTER (WHERE NOT clicked)::int AS no_click
        FROM s GROUP BY 1 ORDER BY 1
    `),
  ]);
  const all: SearchTerm[] = terms.rows.map((r) => ({
    query: r.query,
    searches: Number(r.searches),
    zeroResults: Number(r.zero),
    noClick: Number(r.no_click),
    lastSearchedAt: new Date(r.last).toISOString(),
  }));
  return {
    top: all.slice(0, limit),
    zeroResult: all
      .filter((t) => t.zeroResults > 0)
      .sort((a, b) => b.zeroResults - a.zeroResults)
      .slice(0, limit),
    noClick: all
      .filter((t) => t.noClick > 0 && t.zeroResults < t.searches)
      .sort((a, b) => b.noClick - a.noClick)
      .slice(0, limit),
    weeks: weeks.rows.map<SearchWeek>((r) => ({
      week: r.week,
      searches: Number(r.searches),
      zeroResults: Number(r.zero),
      noClick: Number(r.no_click),
    })),
  };
}
