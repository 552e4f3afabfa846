import type { Database } from "@/db/client";
import { env } from "@/env";
import { addAssetVersion } from "@/server/assets/add-asset-version";
import { receiveUpload, settleUpload } from "@/server/assets/receive-upload";
import { uploadAsset } from "@/server/assets/upload-asset";
import type { Actor } from "@/server/authz/actor";
import { enqueueFileProcessing } from "@/server/files/enqueue-processing";
import { getStorage } from "@/server/storage";

/** What the API does with a multipart upload, without the HTTP layer: stream, create, then queue. */
export async function uploadFromRequest(db: Database, actor: Actor, request: Request) {
  const storage = getStorage();
  const upload = await receiveUpload(request, storage, {
    workspaceId: actor.workspaceId,
    maxBytes: env.UPLOAD_MAX_BYTES,
  });
  const { asset, fileId } = await settleUpload(storage, upload, () => uploadAsset(db, actor, upload));
  await enqueueFileProcessing(fileId);
  return asset;
}

/** The same for a new version of an asset. */
export async function addVersionFromRequest(db: Database, actor: Actor, assetId: string, request: Request) {
  const storage = getStorage();
  const upload = await receiveUpload(request, storage, {
    workspaceId: actor.workspaceId,
    maxBytes: env.UPLOAD_MAX_BYTES,
  });
  const added = await settleUpload(storage, upload, () => addAssetVersion(db, actor, assetId, upload));
  await enqueueFileProcessing(added.file.id);
  return added;
}
