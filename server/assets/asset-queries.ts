import "server-only";
import { and, asc, desc, eq, exists, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assetTerms,
  assetStages,
  assetUsages,
  assetVersions,
  assets,
  buyingStages,
  deals,
  files,
  taxonomyTerms,
  users,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { assetRowColumns } from "./asset-row-columns";
import { withCurrentFile } from "./current-file";

const isExpired = sql<boolean>`coalesce(${assets.expiresAt} < now(), false)`;

export interface AssetListFilters {
  stageId?: string;
  limit?: number;
}

/** Assets the actor may see, newest first, with their stage ids. */
export async function listAssets(db: Database, actor: Actor, filters: AssetListFilters = {}) {
  const where = [assetVisibility(actor)];
  if (filters.stageId) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(assetStages)
          .where(and(eq(assetStages.assetId, assets.id), eq(assetStages.stageId, filters.stageId))),
      ),
    );
  }
  const rows = await db
    .select({
      ...assetRowColumns,
      description: assets.description,
      expired: isExpired,
      createdAt: assets.createdAt,
      updatedAt: assets.updatedAt,
      ownerName: users.name,
    })
    .from(assets)
    .innerJoin(users, eq(users.id, assets.ownerId))
    .where(and(...where))
    .orderBy(desc(assets.updatedAt))
    .limit(filters.limit ?? 200);
  const stageMap = await stagesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, stageIds: stageMap.get(r.id) ?? [] }));
}

/** Stage ids per asset, in stage order. */
export async function stagesOf(db: Database, assetIds: string[]) {
  const map = new Map<string, string[]>();
  if (assetIds.length === 0) return map;
  const links = await db
    .select({ assetId: assetStages.assetId, stageId: assetStages.stageId })
    .from(assetStages)
    .innerJoin(buyingStages, eq(buyingStages.id, assetStages.stageId))
    .where(inArray(assetStages.assetId, assetIds))
    .orderBy(asc(buyingStages.position));
  for (const l of links) map.set(l.assetId, [...(map.get(l.assetId) ?? []), l.stageId]);
  return map;
}

/** One asset the actor may see, with its current file; anything else is a 404. */
export async function getAssetOrThrow(db: Database, actor: Actor, assetId: string) {
  const [row] = await withCurrentFile(
    db
      .select({
        asset: assets,
        ownerName: users.name,
        expired: isExpired,
        file: {
          id: files.id,
          originalName: files.originalName,
          mimeType: files.mimeType,
          sizeBytes: files.sizeBytes,
          storageKey: files.storageKey,
          processingState: files.processingState,
          processingError: files.processingError,
          pageCount: files.pageCount,
          previewPageCount: files.previewPageCount,
          thumbnailKey: files.thumbnailKey,
        },
        version: assetVersions.version,
      })
      .from(assets)
      .innerJoin(users, eq(users.id, assets.ownerId))
      .$dynamic(),
  )
    .where(and(eq(assets.id, assetId), assetVisibility(actor)))
    .limit(1);
  if (!row) throw notFound("Asset not found");
  const stageMap = await stagesOf(db, [assetId]);
  return { ...row, stageIds: stageMap.get(assetId) ?? [] };
}

/** In how many deals the asset was used, and how the closed ones ended. */
export async function assetUsageSummary(db: Database, actor: Actor, assetId: string) {
  const [row] = await db
    .select({
      usages: sql<number>`count(*)::int`,
      deals: sql<number>`count(distinct ${assetUsages.dealId})::int`,
      won: sql<number>`count(distinct ${assetUsages.dealId}) filter (where ${deals.status} = 'won')::int`,
      lost: sql<number>`count(distinct ${assetUsages.dealId}) filter (where ${deals.status} = 'lost')::int`,
    })
    .from(assetUsages)
    .innerJoin(deals, eq(deals.id, assetUsages.dealId))
    .where(and(eq(assetUsages.assetId, assetId), eq(assetUsages.workspaceId, actor.workspaceId)));
  return row ?? { usages: 0, deals: 0, won: 0, lost: 0 };
}

/** The tags of one asset the caller has already loaded under visibility, in list order. */
export function assetTermList(db: Database, assetId: string) {
  return db
    .select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind, name: taxonomyTerms.name })
    .from(assetTerms)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, assetTerms.termId))
    .where(eq(assetTerms.assetId, assetId))
    .orderBy(asc(taxonomyTerms.kind), asc(taxonomyTerms.position), asc(taxonomyTerms.name));
}
