import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetStages, assetTerms, assets } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { updateAssetSchema } from "@/lib/schemas/assets";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { applyPartnerVisibility } from "@/server/partners/asset-partner-visibility";
import { changeAssetStatus } from "./change-asset-status";
import { assertWorkspaceIds } from "./create-asset";

/** Edits an asset's metadata, stages and tags (replacing the lists given) and moves its status, audited. */
export async function updateAsset(
  db: Database,
  actor: Actor,
  assetId: string,
  patch: z.infer<typeof updateAssetSchema>,
) {
  const { status, partnerVisibility, ...fields } = patch;
  await db.transaction(async (tx) => {
    const [asset] = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.id, assetId), assetVisibility(actor)))
      .for("update");
    if (!asset) throw notFound("Asset not found");
    await assertWorkspaceIds(tx, actor.workspaceId, fields.stageIds ?? [], fields.termIds ?? []);
    await tx
      .update(assets)
      .set({
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.description !== undefined ? { description: fields.description } : {}),
        ...(fields.type !== undefined ? { type: fields.type } : {}),
        ...(fields.allowDownload !== undefined ? { allowDownload: fields.allowDownload } : {}),
        ...(fields.expiresAt !== undefined
          ? { expiresAt: fields.expiresAt ? new Date(fields.expiresAt) : null }
          : {}),
        ...(fields.reviewBy !== undefined
          ? { reviewBy: fields.reviewBy ? new Date(fields.reviewBy) : null }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(assets.id, assetId));
    if (fields.stageIds) {
      await tx.delete(assetStages).where(eq(assetStages.assetId, assetId));
      await tx.insert(assetStages).values(fields.stageIds.map((stageId) => ({ assetId, stageId })));
    }
    if (fields.termIds) {
      await tx.delete(assetTerms).where(eq(assetTerms.assetId, assetId));
      if (fields.termIds.length)
        await tx.insert(assetTerms).values(fields.termIds.map((termId) => ({ assetId, termId })));
    }
    if (partnerVisibility) {
      await applyPartnerVisibility(tx, actor, [assetId], partnerVisibility);
      await recordActorAudit(tx, actor, "asset.partner_visibility_changed", assetId, partnerVisibility);
    }
    if (Object.keys(fields).length) {
      await recordActorAudit(tx, actor, "asset.updated", assetId, fields);
    }
  });
  if (status) await changeAssetStatus(db, actor, assetId, status);
}
