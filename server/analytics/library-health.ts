import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { AssetType } from "@/lib/assets";
import { topDecileShare } from "./metrics";

export interface HealthAsset {
  id: string;
  title: string;
  type: AssetType;
  ownerName: string;
  publishedAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  reviewBy: string | null;
}

/**
 * The state of the published library: never used ("sunk cost", oldest first), not used in `staleDays`,
 * expired or past its review date, and how concentrated usage is (all time, from the rollups).
 */
export async function libraryHealth(db: Database, workspaceId: string, staleDays = 90) {
  const { rows } = await db.execute<{
    id: string;
    title: string;
    type: AssetType;
    owner_name: string;
    published_at: Date | string | null;
    expires_at: Date | string | null;
    review_by: Date | string | null;
    last_used_at: Date | string | null;
    usages: number;
  }>(sql`
    SELECT a.id, a.title, a.type, o.name AS owner_name, a.published_at, a.expires_at, a.review_by,
           (SELECT max(l.last_used_at) FROM analytics_deal_asset_latest l WHERE l.asset_id = a.id)
             AS last_used_at,
           coalesce(u.usages, 0)::int AS usages
      FROM assets a
      JOIN users o ON o.id = a.owner_id
      LEFT JOIN (
        SELECT asset_id, sum(usages) AS usages FROM analytics_asset_usage
         WHERE workspace_id = ${workspaceId} AND span = 'month' GROUP BY asset_id
      ) u ON u.asset_id = a.id
     WHERE a.workspace_id = ${workspaceId} AND a.status = 'published'
     ORDER BY coalesce(a.published_at, a.created_at), a.title
  `);
  const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
  const now = Date.now();
  const staleBefore = now - staleDays * 86_400_000;
  const assets = rows.map((r) => ({
    usages: Number(r.usages),
    asset: {
      id: r.id,
      title: r.title,
      type: r.type,
      ownerName: r.owner_name,
      publishedAt: iso(r.published_at),
      lastUsedAt: iso(r.last_used_at),
      expiresAt: iso(r.expires_at),
      reviewBy: iso(r.review_by),
    } satisfies HealthAsset,
  }));
  const before = (v: string | null, t: number) => v !== null && Date.parse(v) < t;
  return {
    published: assets.length,
    neverUsed: assets.filter((a) => a.usages === 0).map((a) => a.asset),
    stale: assets
      .filter((a) => a.usages > 0 && before(a.asset.lastUsedAt, staleBefore))
      .map((a) => a.asset)
      .sort((x, y) => Date.parse(x.lastUsedAt!) - Date.parse(y.lastUsedAt!)),
    outdated: assets
      .filter((a) => before(a.asset.expiresAt, now) || before(a.asset.reviewBy, now))
      .map((a) => a.asset),
    topDecileShare: topDecileShare(assets.map((a) => a.usages)),
    staleDays,
  };
}
