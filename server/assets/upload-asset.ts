import "server-only";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { assetMetadataSchema } from "@/lib/schemas/assets";
import { parseOrThrow } from "@/lib/zod-errors";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { createAssetFromFile } from "./create-asset";
import type { ReceivedUpload } from "./receive-upload";

/**
 * Creates an asset from an upload already streamed into storage (shared by the UI and the API): validate
 * the metadata, then create the file row, asset and version in one transaction. The caller queues the
 * file's processing once that has committed, and deletes the stored bytes if this fails.
 */
export async function uploadAsset(db: Database, actor: Actor, { fields, file }: ReceivedUpload) {
  let raw: unknown;
  try {
    raw = JSON.parse(fields.metadata ?? "");
  } catch {
    throw new AppError("validation_failed", "Send the asset's metadata as JSON in the 'metadata' field", {
      fieldErrors: { metadata: ["Must be a JSON object"] },
    });
  }
  const metadata = parseOrThrow(assetMetadataSchema, raw, "Metadata");
  if (metadata.status === "published" && !actorCan(actor, "assets.publish")) {
    throw new AppError("forbidden", "Your role cannot publish assets");
  }
  return createAssetFromFile(db, actor, metadata, file);
}
