import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetUsages, deals } from "@/db/schema";

/**
 * Per asset in the workspace: how often it was used, and its effectiveness (won deals where it was used /
 * closed deals where it was used). Stands in for the analytics issue's measure until that lands.
 */
export function assetStatsSubquery(db: Database, workspaceId: string) {
  return db
    .select({
      assetId: assetUsages.assetId,
      usageCount: sql<number>`count(*)::int`.as("usage_count"),
      effectiveness:
        sql<number>`(count(distinct ${assetUsages.dealId}) filter (where ${deals.status} = 'won'))::float8
        / nullif(count(distinct ${assetUsages.dealId}) filter (where ${deals.status} <> 'open'), 0)`.as(
          "effectiveness",
        ),
    })
    .from(assetUsages)
    .innerJoin(deals, eq(deals.id, assetUsages.dealId))
    .where(eq(assetUsages.workspaceId, workspaceId))
    .groupBy(assetUsages.assetId)
    .as("asset_stats");
}

export type AssetStats = ReturnType<typeof assetStatsSubquery>;

export const usageOf = (stats: AssetStats) => sql<number>`coalesce(${stats.usageCount}, 0)::int`;
export const effectivenessOf = (stats: AssetStats) =>
  sql<number>`coalesce(${stats.effectiveness}, 0)::float8`;
