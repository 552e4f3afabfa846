import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AnalyticsFilters, BuyerEngagement } from "@/lib/schemas/analytics";
import { closedInPeriodSql, dealFilterSql, inUtcPeriodSql } from "./analytics-scope";
import { hasDealFilters } from "./effectiveness-query";
import { effectiveness } from "./metrics";

/*
 * What buyers did with an asset shared in rooms, from the analytics_room_assets rollup (one row per room
 * and asset, kept by triggers; never the rooms' visit rows). Definitions (also in metrics.ts):
 * - Rooms: rooms the asset was shared in during the period (by when it was shared; at the stage, when
 *   filtered; on the filtered deals, when deal filters are set).
 * - Opened: of those, the rooms where at least one counted buyer read a page of it or downloaded it.
 * - Median read time: the middle of the rooms' reading times (all of a room's buyers together), over the
 *   rooms where buyers spent time on it; the mean of the two middle ones when their number is even.
 * - Drop-off (documents of more than one page): of the opened rooms, how many reached each page (the
 *   furthest page any of their buyers reached), and how many stopped there.
 * - Engaged vs not opened: closed deals (won or lost in the period) where the asset was shared in a room,
 *   split by whether a buyer opened it in any of the deal's rooms; win rate, interval, lift and "too few"
 *   as for every other comparison (metrics.ts).
 */

type Summary = { rooms: number; opened: number; median_ms: number | null; downloads: number };
type Reach = { furthest_page: number; rooms: number };
type Outcome = { engaged: boolean; won: number; lost: number };

/** The rollup rows of one asset under the filters, aliased `r` (joined to its deal `d` when filtered). */
function sharesSql(workspaceId: string, assetId: string, f: AnalyticsFilters, inPeriod: boolean): SQL {
  const byDeal = hasDealFilters(f);
  return sql`analytics_room_assets r
    ${byDeal ? sql`JOIN deals d ON d.id = r.deal_id AND ${dealFilterSql(workspaceId, f)}` : sql``}
    WHERE r.workspace_id = ${workspaceId} AND r.asset_id = ${assetId}
      ${inPeriod ? sql`AND ${inUtcPeriodSql(sql`r.shared_at`, f)}` : sql``}
      ${f.stageId ? sql`AND r.stage_id = ${f.stageId}` : sql``}`;
}

export async function getAssetBuyerEngagement(
  db: Database,
  workspaceId: string,
  assetId: string,
  f: AnalyticsFilters,
): Promise<BuyerEngagement> {
  const [summary, reach, outcomes, pages] = await Promise.all([
    db.execute<Summary>(sql`
      SELECT count(*)::int AS rooms, count(*) FILTER (WHERE r.readers > 0)::int AS opened,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY r.read_ms) FILTER (WHERE r.read_ms > 0) AS median_ms,
             coalesce(sum(r.downloads), 0)::int AS downloads
        FROM ${sharesSql(workspaceId, assetId, f, true)}`),
    db.execute<Reach>(sql`
      SELECT r.furthest_page, count(*)::int AS rooms
        FROM ${sharesSql(workspaceId, assetId, f, true)} AND r.readers > 0 AND r.furthest_page > 0
       GROUP BY r.furthest_page`),
    // Deals are read by primary key, only those the asset was shared on.
    db.execute<Outcome>(sql`
      SELECT x.engaged, count(*) FILTER (WHERE d.status = 'won')::int AS won,
             count(*) FILTER (WHERE d.status = 'lost')::int AS lost
        FROM (SELECT r.deal_id, bool_or(r.readers > 0) AS engaged
                FROM ${sharesSql(workspaceId, assetId, f, false)}
               GROUP BY r.deal_id) x
        JOIN deals d ON d.id = x.deal_id
       WHERE ${dealFilterSql(workspaceId, f)} AND ${closedInPeriodSql(f)}
       GROUP BY x.engaged`),
    db.execute<{ pages: number | null }>(sql`
      SELECT f.preview_page_count AS pages
        FROM assets a
        JOIN asset_versions v ON v.id = a.current_version_id
        JOIN files f ON f.id = v.file_id
       WHERE a.id = ${assetId} AND a.workspace_id = ${workspaceId}`),
  ]);
  const s = summary.rows[0] ?? { rooms: 0, opened: 0, median_ms: null, downloads: 0 };
  const pageCount = Number(pages.rows[0]?.pages ?? 0);
  const side = (engaged: boolean) => {
    const row = outcomes.rows.find((o) => o.engaged === engaged);
    return { won: Number(row?.won ?? 0), lost: Number(row?.lost ?? 0) };
  };
  const e = effectiveness({ ...side(true), wonRevenueMinor: 0 }, side(false));
  return {
    rooms: Number(s.rooms),
    openedRooms: Number(s.opened),
    openedShare: Number(s.rooms) === 0 ? null : Number(s.opened) / Number(s.rooms),
    medianReadMs: s.median_ms === null ? null : Number(s.median_ms),
    downloads: Number(s.downloads),
    pageCount: pageCount > 1 ? pageCount : null,
    dropOff: pageCount > 1 ? dropOff(reach.rows, pageCount) : [],
    outcome: { engaged: e.used, notOpened: e.baseline, lift: e.lift, verdict: e.verdict },
  };
}

/**
 * Per page of the current file, the opened rooms that reached it and that stopped there. A room that
 * reached further than the current version has pages (an older, longer version) counts as reaching the end.
 */
export function dropOff(rows: Reach[], pageCount: number): BuyerEngagement["dropOff"] {
  const stoppedAt = new Array<number>(pageCount + 1).fill(0);
  for (const r of rows) stoppedAt[Math.min(Number(r.furthest_page), pageCount)]! += Number(r.rooms);
  const opened = stoppedAt.reduce((sum, n) => sum + n, 0);
  const out: BuyerEngagement["dropOff"] = [];
  let reached = opened;
  for (let page = 1; page <= pageCount; page++) {
    out.push({
      page,
      reached,
      reachedShare: opened === 0 ? null : reached / opened,
      stopped: stoppedAt[page]!,
    });
    reached -= stoppedAt[page]!;
  }
  return out;
}
