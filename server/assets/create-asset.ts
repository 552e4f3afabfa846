import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assetStages,
  assetTerms,
  assetVersions,
  assets,
  buyingStages,
  files,
  taxonomyTerms,
  workspaces,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { assetMetadataSchema } from "@/lib/schemas/assets";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { notifyAssetPublished } from "@/server/notifications/notify";
import type { ReceivedFile } from "./receive-upload";

/** Creates the file row, the asset, its first version, stage and tag links and the audit entry, atomically. */
export async function createAssetFromFile(
  db: Database,
  actor: Actor,
  metadata: z.infer<typeof assetMetadataSchema>,
  file: ReceivedFile,
) {
  return db.transaction(async (tx) => {
    await assertWorkspaceIds(tx, actor.workspaceId, metadata.stageIds, metadata.termIds);
    if (!metadata.allowDuplicate) await refuseDuplicate(tx, actor.workspaceId, file.sha256);
    if (metadata.status === "published") await refuseUnapprovedPublish(tx, actor.workspaceId);
    const [fileRow] = await tx
      .insert(files)
      .values({ ...file, workspaceId: actor.workspaceId, uploadedById: actor.userId })
      .returning();
    const published = metadata.status === "published";
    const [asset] = await tx
      .insert(assets)
      .values({
        workspaceId: actor.workspaceId,
        type: metadata.type,
        title: metadata.title,
        description: metadata.description,
        ownerId: actor.userId,
        status: metadata.status,
        publishedAt: published ? sql`now()` : null,
      })
      .returning();
    const [version] = await tx
      .insert(assetVersions)
      .values({ assetId: asset!.id, version: 1, fileId: fileRow!.id, createdById: actor.userId })
      .returning();
    await tx.update(assets).set({ currentVersionId: version!.id }).where(eq(assets.id, asset!.id));
    await tx
      .insert(assetStages)
      .values(metadata.stageIds.map((stageId) => ({ assetId: asset!.id, stageId })));
    if (metadata.termIds.length) {
      await tx.insert(assetTerms).values(metadata.termIds.map((termId) => ({ assetId: asset!.id, termId })));
    }
    await recordActorAudit(tx, actor, published ? "asset.published" : "asset.created", asset!.id, {
      title: metadata.title,
      status: metadata.status,
      fileId: fileRow!.id,
    });
    if (published) await notifyAssetPublished(tx, { assetId: asset!.id, actorId: actor.userId });
    return { asset: { ...asset!, currentVersionId: version!.id }, fileId: fileRow!.id };
  });
}

/** With second-person approval on, nothing goes live straight from an upload. */
export async function refuseUnapprovedPublish(tx: Database, workspaceId: string) {
  const [ws] = await tx
    .select({ requireApproval: workspaces.requireSecondApproval })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (ws?.requireApproval) {
    throw new AppError(
      "conflict",
      "This workspace requires a second person's approval: upload it as a draft and send it for review",
      { fieldErrors: { status: ["Publishing needs a second person's approval"] } },
    );
  }
}

/** The same bytes already in the library: offer the existing asset instead of a second copy. */
async function refuseDuplicate(tx: Database, workspaceId: string, sha256: string) {
  const [existing] = await tx
    .select({ id: assets.id, title: assets.title })
    .from(files)
    .innerJoin(assetVersions, eq(assetVersions.fileId, files.id))
    .innerJoin(assets, eq(assets.id, assetVersions.assetId))
    .where(and(eq(files.workspaceId, workspaceId), eq(files.sha256, sha256)))
    .limit(1);
  if (existing) {
    throw new AppError("conflict", `This file is already in the library as “${existing.title}”.`, {
      details: { existingAssetId: existing.id, existingAssetTitle: existing.title },
    });
  }
}

export async function assertWorkspaceIds(
  tx: Database,
  workspaceId: string,
  stageIds: string[],
  termIds: string[],
) {
  if (stageIds.length === 0 && termIds.length === 0) return;
  const stages =
    stageIds.length === 0
      ? []
      : await tx
          .select({ id: buyingStages.id })
          .from(buyingStages)
          .where(and(eq(buyingStages.workspaceId, workspaceId), inArray(buyingStages.id, stageIds)));
  if (stageIds.length && stages.length !== new Set(stageIds).size) {
    throw new AppError("validation_failed", "Unknown buying stage", {
      fieldErrors: { stageIds: ["Unknown buying stage"] },
    });
  }
  if (termIds.length) {
    const terms = await tx
      .select({ id: taxonomyTerms.id })
      .from(taxonomyTerms)
      .where(and(eq(taxonomyTerms.workspaceId, workspaceId), inArray(taxonomyTerms.id, termIds)));
    if (terms.length !== new Set(termIds).size) {
      throw new AppError("validation_failed", "Unknown tag", { fieldErrors: { termIds: ["Unknown tag"] } });
    }
  }
}
