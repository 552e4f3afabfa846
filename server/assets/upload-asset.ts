import "server-only";
import type { Database } from "@/db/client";
import { env } from "@/env";
import { AppError } from "@/lib/errors";
import { assetMetadataSchema } from "@/lib/schemas/assets";
import { parseOrThrow } from "@/lib/zod-errors";
import type { Actor } from "@/server/authz/actor";
import { can } from "@/server/authz/permissions";
import { enqueueFileProcessing } from "@/server/files/enqueue-processing";
import { getStorage } from "@/server/storage";
import { createAssetFromFile } from "./create-asset";
import { receiveUpload } from "./receive-upload";

/**
 * The whole upload path shared by the UI and the API: stream the file into storage, validate the
 * metadata, create the asset, queue its text extraction and previews. If anything fails after the bytes
 * were stored, they are deleted again.
 */
export async function uploadAsset(db: Database, actor: Actor, request: Request) {
  const storage = getStorage();
  const { fields, file } = await receiveUpload(request, storage, {
    workspaceId: actor.workspaceId,
    maxBytes: env.UPLOAD_MAX_BYTES,
  });
  let created: Awaited<ReturnType<typeof createAssetFromFile>>;
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(fields.metadata ?? "");
    } catch {
      throw new AppError("validation_failed", "Send the asset's metadata as JSON in the 'metadata' field", {
        fieldErrors: { metadata: ["Must be a JSON object"] },
      });
    }
    const metadata = parseOrThrow(assetMetadataSchema, raw, "Metadata");
    if (metadata.status === "published" && !can(actor.role, "assets.publish")) {
      throw new AppError("forbidden", "Your role cannot publish assets");
    }
    created = await createAssetFromFile(db, actor, metadata, file);
  } catch (error) {
    await storage.delete(file.storageKey).catch(() => undefined);
    throw error;
  }
  await enqueueFileProcessing(created.fileId);
  return created.asset;
}
