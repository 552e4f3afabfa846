import "server-only";
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetStages, assetTerms, assets } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { bulkEditAssetsSchema } from "@/lib/schemas/taxonomy";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { assertWorkspaceIds } from "./create-asset";

/**
 * Adds and removes buying stages and tags on many assets at once. All or nothing: if any id is not an asset
 * the actor can see, or the change would leave an asset with no buying stage, nothing is applied.
 */
export async function bulkEditAssets(
  db: Database,
  actor: Actor,
  input: z.infer<typeof bulkEditAssetsSchema>,
) {
  const assetIds = [...new Set(input.assetIds)];
  return db.transaction(async (tx) => {
    const visible = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(inArray(assets.id, assetIds), assetVisibility(actor)))
      .for("update");
    if (visible.length !== assetIds.length) throw notFound("Some of the selected assets were not found");
    await assertWorkspaceIds(
      tx,
      actor.workspaceId,
      [...input.addStageIds, ...input.removeStageIds],
      [...input.addTermIds, ...input.removeTermIds],
    );

    if (input.addStageIds.length)
      await tx
        .insert(assetStages)
        .values(assetIds.flatMap((assetId) => input.addStageIds.map((stageId) => ({ assetId, stageId }))))
        .onConflictDoNothing();
    if (input.removeStageIds.length)
      await tx
        .delete(assetStages)
        .where(
          and(inArray(assetStages.assetId, assetIds), inArray(assetStages.stageId, input.removeStageIds)),
        );
    if (input.addTermIds.length)
      await tx
        .insert(assetTerms)
        .values(assetIds.flatMap((assetId) => input.addTermIds.map((termId) => ({ assetId, termId }))))
        .onConflictDoNothing();
    if (input.removeTermIds.length)
      await tx
        .delete(assetTerms)
        .where(and(inArray(assetTerms.assetId, assetIds), inArray(assetTerms.termId, input.removeTermIds)));

    if (input.removeStageIds.length) {
      const left = await tx
        .select({ title: assets.title })
        .from(assets)
        .where(
          and(
            inArray(assets.id, assetIds),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(assetStages)
                .where(eq(assetStages.assetId, assets.id)),
            ),
          ),
        );
      if (left.length) {
        const message = `Every asset needs a buying stage; this would leave “${left[0]!.title}”${
          left.length > 1 ? ` and ${left.length - 1} more` : ""
        } with none`;
        throw new AppError("validation_failed", message, { fieldErrors: { removeStageIds: [message] } });
      }
    }

    await tx
      .update(assets)
      .set({ updatedAt: sql`now()` })
      .where(inArray(assets.id, assetIds));
    const change = {
      addStageIds: input.addStageIds,
      removeStageIds: input.removeStageIds,
      addTermIds: input.addTermIds,
      removeTermIds: input.removeTermIds,
    };
    for (const assetId of assetIds) {
      await recordActorAudit(tx, actor, "asset.bulk_updated", assetId, change);
    }
    return { updated: assetIds.length };
  });
}
