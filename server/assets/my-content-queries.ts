import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, files, users } from "@/db/schema";
import type { ContentStatusFilter, OwnerScope } from "@/lib/content-views";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { stagesOf } from "./asset-queries";
import { isExpired, isLive } from "./content-conditions";
import { assetRowColumns } from "./asset-row-columns";
import { withCurrentFile } from "./current-file";

const statusCondition: Record<Exclude<ContentStatusFilter, "all">, SQL> = {
  draft: eq(assets.status, "draft"),
  in_review: eq(assets.status, "in_review"),
  published: isLive,
  expired: isExpired,
  archived: eq(assets.status, "archived"),
};

export interface MyContentFilters {
  status: ContentStatusFilter;
  owner: OwnerScope;
  limit?: number;
}

/**
 * "My content": the actor's own assets (or everyone's), filtered by status tab, most recently changed
 * first, with a count per tab over the same owner scope so the tabs always add up.
 */
export async function listMyContent(db: Database, actor: Actor, filters: MyContentFilters) {
  const scope = [assetVisibility(actor)];
  if (filters.owner === "mine") scope.push(eq(assets.ownerId, actor.userId));

  const where = [...scope];
  if (filters.status !== "all") where.push(statusCondition[filters.status]);

  const [rows, [counts]] = await Promise.all([
    withCurrentFile(
      db
        .select({
          ...assetRowColumns,
          expired: sql<boolean>`${isExpired}`,
          updatedAt: assets.updatedAt,
          ownerName: users.name,
          processingState: files.processingState,
          processingError: files.processingError,
        })
        .from(assets)
        .innerJoin(users, eq(users.id, assets.ownerId))
        .$dynamic(),
    )
      .where(and(...where))
      .orderBy(desc(assets.updatedAt), desc(assets.id))
      .limit(filters.limit ?? 500),
    db
      .select({
        all: sql<number>`count(*)::int`,
        draft: sql<number>`count(*) filter (where ${statusCondition.draft})::int`,
        in_review: sql<number>`count(*) filter (where ${statusCondition.in_review})::int`,
        published: sql<number>`count(*) filter (where ${statusCondition.published})::int`,
        expired: sql<number>`count(*) filter (where ${statusCondition.expired})::int`,
        archived: sql<number>`count(*) filter (where ${statusCondition.archived})::int`,
      })
      .from(assets)
      .where(and(...scope)),
  ]);
  const stageMap = await stagesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...r, stageIds: stageMap.get(r.id) ?? [] })),
    counts: counts as Record<ContentStatusFilter, number>,
  };
}
