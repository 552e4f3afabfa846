import type { Database } from "@/db/client";
import { addAssetVersion, checkNewVersion, newVersionFields } from "@/server/assets/add-asset-version";
import { settleUpload } from "@/server/assets/receive-upload";
import { receiveApiUpload } from "@/server/api/receive-api-upload";
import { checkNewAsset, newAssetFields, uploadAsset } from "@/server/assets/upload-asset";
import type { Actor } from "@/server/authz/actor";
import { enqueueFileProcessing } from "@/server/files/enqueue-processing";
import { getStorage } from "@/server/storage";

/**
 * What the API does with a multipart upload, without the HTTP layer: read and check the fields before the
 * file is stored, stream it, create, then queue (the steps defineRoute runs for POST /api/v1/assets).
 */
export async function uploadFromRequest(db: Database, actor: Actor, request: Request) {
  const storage = getStorage();
  const upload = await receiveApiUpload(request, actor.workspaceId, newAssetFields, (fields) =>
    checkNewAsset(db, actor, fields.metadata),
  );
  const { asset, fileId } = await settleUpload(storage, upload, () => uploadAsset(db, actor, upload));
  await enqueueFileProcessing(fileId);
  return asset;
}

/** The same for a new version of an asset. */
export async function addVersionFromRequest(db: Database, actor: Actor, assetId: string, request: Request) {
  const storage = getStorage();
  const upload = await receiveApiUpload(request, actor.workspaceId, newVersionFields, () =>
    checkNewVersion(db, actor, assetId),
  );
  const added = await settleUpload(storage, upload, () => addAssetVersion(db, actor, assetId, upload));
  await enqueueFileProcessing(added.file.id);
  return added;
}
