import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { assetVersions, assets, files } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { notifyAssetVersion } from "@/server/notifications/notify";
import type { ReceivedUpload } from "./receive-upload";

/** A new version's upload: an optional note, sent before the file. */
export const newVersionFields = z.object({ note: z.string().max(500).optional() });
export type NewVersionFields = z.infer<typeof newVersionFields>;

/** An asset the actor cannot see is a 404 before the first byte of its new file is stored. */
export async function checkNewVersion(db: Database, actor: Actor, assetId: string) {
  const [visible] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.id, assetId), assetVisibility(actor)));
  if (!visible) throw notFound("Asset not found");
}

/**
 * Replaces an asset's file with a new version from an upload already streamed into storage (multipart:
 * 'file', optional 'note'). History is kept and usages stay attached to the asset, each recording the
 * version that was current when it was logged. The caller queues the new file's processing once this has
 * committed, and deletes the stored bytes if it fails.
 */
export async function addAssetVersion(
  db: Database,
  actor: Actor,
  assetId: string,
  { fields, file }: ReceivedUpload<NewVersionFields>,
) {
  return db.transaction(async (tx) => {
    const [visible] = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.id, assetId), assetVisibility(actor)));
    if (!visible) throw notFound("Asset not found");
    const [asset] = await tx.select().from(assets).where(eq(assets.id, assetId)).for("update");
    const [current] = await tx
      .select({ sha256: files.sha256, version: assetVersions.version })
      .from(assetVersions)
      .innerJoin(files, eq(files.id, assetVersions.fileId))
      .where(eq(assetVersions.id, asset!.currentVersionId ?? sql`null`));
    if (current?.sha256 === file.sha256) {
      throw new AppError("conflict", "This file is identical to the current version", {
        fieldErrors: { file: ["Identical to the current version"] },
      });
    }
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${assetVersions.version}), 0)::int + 1` })
      .from(assetVersions)
      .where(eq(assetVersions.assetId, assetId))) as [{ next: number }];
    const [fileRow] = await tx
      .insert(files)
      .values({ ...file, workspaceId: actor.workspaceId, uploadedById: actor.userId })
      .returning();
    const [version] = await tx
      .insert(assetVersions)
      .values({
        assetId,
        version: next,
        fileId: fileRow!.id,
        note: fields.note ?? "",
        createdById: actor.userId,
      })
      .returning();
    await tx
      .update(assets)
      .set({ currentVersionId: version!.id, updatedAt: sql`now()` })
      .where(eq(assets.id, assetId));
    await recordActorAudit(tx, actor, "asset.version_added", assetId, { version: next, fileId: fileRow!.id });
    await notifyAssetVersion(tx, {
      assetId,
      versionId: version!.id,
      version: next,
      note: version!.note,
      actorId: actor.userId,
    });
    return { version: version!, file: fileRow! };
  });
}
