import "server-only";
import { z } from "zod";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { assetMetadataSchema } from "@/lib/schemas/assets";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { assertWorkspaceIds, createAssetFromFile, refuseUnapprovedPublish } from "./create-asset";
import type { ReceivedUpload } from "./receive-upload";

/** A new asset's upload: its metadata (JSON), sent before the file. */
export const newAssetFields = z.object({ metadata: assetMetadataSchema });
export type NewAssetFields = z.infer<typeof newAssetFields>;

function assertMayPublish(actor: Actor, metadata: NewAssetFields["metadata"]) {
  if (metadata.status === "published" && !actorCan(actor, "assets.publish")) {
    throw new AppError("forbidden", "Your role cannot publish assets");
  }
}

/**
 * Everything a new asset can be refused for without its file, checked before the first byte is stored:
 * publishing without the right (or with second-person approval on), stages or tags of another workspace.
 */
export async function checkNewAsset(db: Database, actor: Actor, metadata: NewAssetFields["metadata"]) {
  assertMayPublish(actor, metadata);
  await assertWorkspaceIds(db, actor.workspaceId, metadata.stageIds, metadata.termIds);
  if (metadata.status === "published") await refuseUnapprovedPublish(db, actor.workspaceId);
}

/**
 * Creates an asset from an upload already streamed into storage (shared by the UI and the API): the file
 * row, asset and version in one transaction, which repeats the checks that could have changed meanwhile.
 * The caller queues the file's processing once that has committed, and deletes the stored bytes if this
 * fails.
 */
export async function uploadAsset(
  db: Database,
  actor: Actor,
  { fields, file }: ReceivedUpload<NewAssetFields>,
) {
  assertMayPublish(actor, fields.metadata);
  return createAssetFromFile(db, actor, fields.metadata, file);
}
