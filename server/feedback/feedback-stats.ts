import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetComments, assetRatings, users } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { commentThreadVisibility } from "@/server/authz/visibility";
import { getFeedbackAssetOrThrow } from "./feedback-access";

/**
 * Helped / didn't-help counts per asset in a workspace (all assets, or the given ones), for the asset
 * page and for analytics next to usage and win rate. Callers decide visibility of the asset list.
 */
export async function feedbackCountsByAsset(db: Database, workspaceId: string, assetIds?: string[]) {
  if (assetIds && assetIds.length === 0) return [];
  return db
    .select({
      assetId: assetRatings.assetId,
      helped: sql<number>`count(*) filter (where ${assetRatings.helped})::int`,
      notHelped: sql<number>`count(*) filter (where not ${assetRatings.helped})::int`,
    })
    .from(assetRatings)
    .where(
      and(
        eq(assetRatings.workspaceId, workspaceId),
        assetIds ? inArray(assetRatings.assetId, assetIds) : undefined,
      ),
    )
    .groupBy(assetRatings.assetId);
}

/** Counts, the open threads the actor may read and their own rating of one asset they can see. */
export async function getAssetFeedbackSummary(db: Database, actor: Actor, assetId: string) {
  await getFeedbackAssetOrThrow(db, actor, assetId);
  const [[counts], [open], [mine]] = await Promise.all([
    feedbackCountsByAsset(db, actor.workspaceId, [assetId]),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(assetComments)
      .where(
        and(
          eq(assetComments.assetId, assetId),
          isNull(assetComments.parentId),
          isNull(assetComments.resolvedAt),
          // Partners read only the threads they started, so they count only those.
          commentThreadVisibility(actor, assetComments.authorId),
        ),
      ),
    db
      .select()
      .from(assetRatings)
      .where(and(eq(assetRatings.assetId, assetId), eq(assetRatings.userId, actor.userId))),
  ]);
  return {
    assetId,
    helped: counts?.helped ?? 0,
    notHelped: counts?.notHelped ?? 0,
    openThreads: open?.n ?? 0,
    myRating: mine
      ? {
          helped: mine.helped,
          reason: mine.reason,
          reasonText: mine.reasonText,
          updatedAt: mine.updatedAt.toISOString(),
        }
      : null,
  };
}

/** "Didn't help" ratings the owner has not read yet, newest first (for the owner's view of the asset). */
export async function newNotHelpedRatings(db: Database, actor: Actor, assetId: string) {
  await getFeedbackAssetOrThrow(db, actor, assetId);
  return db
    .select({
      id: assetRatings.id,
      userName: users.name,
      reason: assetRatings.reason,
      reasonText: assetRatings.reasonText,
      updatedAt: assetRatings.updatedAt,
    })
    .from(assetRatings)
    .innerJoin(users, eq(users.id, assetRatings.userId))
    .where(
      and(
        eq(assetRatings.assetId, assetId),
        eq(assetRatings.helped, false),
        isNull(assetRatings.acknowledgedAt),
      ),
    )
    .orderBy(desc(assetRatings.updatedAt))
    .limit(50);
}
