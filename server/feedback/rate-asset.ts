import "server-only";
import { notifyRating } from "./notify-feedback";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetRatings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { rateAssetSchema } from "@/lib/schemas/feedback";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { getFeedbackAssetOrThrow } from "./feedback-access";

export type RateAssetInput = z.infer<typeof rateAssetSchema>;

/**
 * Records (or changes) the actor's one rating of an asset they can see. A "didn't help" is new for the
 * owner again whenever it is given or changed. Returns the rating with the asset's owner, so the caller
 * can tell the owner.
 */
export async function rateAsset(db: Database, actor: Actor, assetId: string, input: RateAssetInput) {
  return db.transaction(async (tx) => {
    const asset = await getFeedbackAssetOrThrow(tx, actor, assetId);
    if (asset.status !== "published") throw new AppError("conflict", "Only published assets can be rated");
    const values = {
      helped: input.helped,
      reason: input.helped ? null : input.reason,
      reasonText: input.helped ? "" : input.reasonText,
      acknowledgedAt: null,
      updatedAt: sql`now()`,
    };
    const [rating] = await tx
      .insert(assetRatings)
      .values({ workspaceId: actor.workspaceId, assetId, userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [assetRatings.assetId, assetRatings.userId], set: values })
      .returning();
    await recordActorAudit(tx, actor, "asset.rated", assetId, {
      helped: input.helped,
      reason: values.reason,
    });
    await notifyRating(tx, actor, {
      assetId,
      assetTitle: asset.title,
      ownerId: asset.ownerId,
      ratingId: rating!.id,
      helped: rating!.helped,
      reason: rating!.reason,
      reasonText: rating!.reasonText,
    });
    return { rating: rating!, assetOwnerId: asset.ownerId, assetTitle: asset.title };
  });
}

/** The owner (or a marketer) has read the asset's new "didn't help" ratings. */
export async function acknowledgeRatings(db: Database, actor: Actor, assetId: string) {
  return db.transaction(async (tx) => {
    await getFeedbackAssetOrThrow(tx, actor, assetId);
    const done = await tx
      .update(assetRatings)
      .set({ acknowledgedAt: sql`now()` })
      .where(
        and(
          eq(assetRatings.assetId, assetId),
          eq(assetRatings.helped, false),
          isNull(assetRatings.acknowledgedAt),
        ),
      )
      .returning({ id: assetRatings.id });
    await recordActorAudit(tx, actor, "asset.ratings_acknowledged", assetId, { count: done.length });
    return { acknowledged: done.length };
  });
}
