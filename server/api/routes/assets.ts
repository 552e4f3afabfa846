import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import { assetSummarySchema, assetVersionSchema, updateAssetSchema } from "@/lib/schemas/assets";
import { partnerVisibilitySchema } from "@/lib/schemas/partner-visibility";
import { previewPageResponse, thumbnailResponse, videoStreamResponse } from "@/server/assets/asset-media";
import { getAssetOrThrow } from "@/server/assets/asset-queries";
import { addAssetVersion, checkNewVersion, newVersionFields } from "@/server/assets/add-asset-version";
import { enqueueFileProcessing } from "@/server/files/enqueue-processing";
import { downloadAsset, downloadAssetVersion } from "@/server/assets/download-asset";
import { updateAsset } from "@/server/assets/update-asset";
import { checkNewAsset, newAssetFields, uploadAsset } from "@/server/assets/upload-asset";
import { getAssetPartnerVisibility } from "@/server/partners/asset-partner-visibility";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { defineRoute } from "../define-route";

/**
 * An asset as the API shows it, with its file's processing: a client knows from `pending` / `done` /
 * `failed` when its upload is searchable. Why it failed is for those who manage content.
 */
const summarize = ({ asset, stageIds, file }: Awaited<ReturnType<typeof getAssetOrThrow>>, actor: Actor) => ({
  id: asset.id,
  title: asset.title,
  type: asset.type,
  status: asset.status,
  description: asset.description,
  stageIds,
  processing: {
    state: file?.processingState ?? "pending",
    reason: actorCan(actor, "assets.write") ? (file?.processingError ?? null) : null,
  },
  createdAt: asset.createdAt.toISOString(),
});

export const createAsset = defineRoute({
  method: "POST",
  path: "/api/v1/assets",
  summary: "Upload a file and create an asset (multipart: 'metadata' JSON, then 'file')",
  tag: "Assets",
  permission: "assets.write",
  multipart: newAssetFields,
  beforeFile: ({ actor, db, fields }) => checkNewAsset(db, actor, fields.metadata),
  response: assetSummarySchema,
  successStatus: 201,
  errors: [400, 413, 415],
  handler: async ({ actor, db, upload, afterCommit }) => {
    const { asset, fileId } = await uploadAsset(db, actor, upload!);
    afterCommit(() => enqueueFileProcessing(fileId));
    return summarize(await getAssetOrThrow(db, actor, asset.id), actor);
  },
});

export const getAsset = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}",
  summary: "One asset you may see",
  tag: "Assets",
  permission: "assets.read",
  params: idParam,
  response: assetSummarySchema,
  errors: [404],
  handler: async ({ actor, db, params }) => {
    return summarize(await getAssetOrThrow(db, actor, params.id), actor);
  },
});

export const downloadAssetFile = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}/download",
  summary: "Download the asset's current file (always as an attachment)",
  tag: "Assets",
  permission: "assets.read",
  params: idParam,
  response: z.unknown(),
  produces: "application/octet-stream",
  errors: [404],
  handler: ({ actor, db, params }) => downloadAsset(db, actor, params.id),
});

export const updateAssetRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/assets/{id}",
  summary: "Edit an asset's metadata, stages, tags, status, expiry, review date or partner visibility",
  tag: "Assets",
  permission: "assets.write",
  params: idParam,
  body: updateAssetSchema,
  response: z
    .object({ ...assetSummarySchema.shape, partnerVisibility: partnerVisibilitySchema })
    .meta({ id: "EditedAsset" }),
  errors: [404, 409],
  handler: async ({ actor, db, params, body }) => {
    await updateAsset(db, actor, params.id, body);
    const loaded = await getAssetOrThrow(db, actor, params.id);
    return {
      ...summarize(loaded, actor),
      partnerVisibility: await getAssetPartnerVisibility(db, loaded.asset.id),
    };
  },
});

export const addAssetVersionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/assets/{id}/versions",
  summary: "Upload a new version of the asset's file (multipart: 'file', optional 'note')",
  tag: "Assets",
  permission: "assets.write",
  params: idParam,
  multipart: newVersionFields,
  beforeFile: ({ actor, db, params }) => checkNewVersion(db, actor, params.id),
  response: assetVersionSchema,
  successStatus: 201,
  errors: [404, 409, 413, 415],
  handler: async ({ actor, db, params, upload, afterCommit }) => {
    const { version, file } = await addAssetVersion(db, actor, params.id, upload!);
    afterCommit(() => enqueueFileProcessing(file.id));
    return {
      id: version.id,
      version: version.version,
      fileName: file.originalName,
      sizeBytes: file.sizeBytes,
      note: version.note,
      createdAt: version.createdAt.toISOString(),
    };
  },
});

export const downloadAssetVersionRoute = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}/versions/{versionId}/download",
  summary: "Download an earlier version's file (marketers and admins)",
  tag: "Assets",
  permission: "assets.write",
  params: z.object({ id: z.uuid(), versionId: z.uuid() }),
  response: z.unknown(),
  produces: "application/octet-stream",
  errors: [404],
  handler: ({ actor, db, params }) => downloadAssetVersion(db, actor, params.id, params.versionId),
});

export const assetPreviewPageRoute = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}/pages/{page}",
  summary: "A rendered page of the asset's current file, as a WebP image (PDF pages; images have one)",
  tag: "Assets",
  permission: "assets.read",
  params: z.object({ id: z.uuid(), page: z.coerce.number().int().min(1).max(1000) }),
  response: z.unknown(),
  produces: "image/webp",
  errors: [404],
  handler: ({ actor, db, params }) => previewPageResponse(db, actor, params.id, params.page),
});

export const assetThumbnailRoute = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}/thumbnail",
  summary: "The asset's thumbnail as a WebP image (PDFs and images, once processed)",
  tag: "Assets",
  permission: "assets.read",
  params: idParam,
  response: z.unknown(),
  produces: "image/webp",
  errors: [404],
  handler: ({ actor, db, params }) => thumbnailResponse(db, actor, params.id),
});

export const assetVideoStreamRoute = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}/stream",
  summary: "Stream a video asset for in-browser playback (supports Range requests)",
  tag: "Assets",
  permission: "assets.read",
  params: idParam,
  response: z.unknown(),
  produces: "video/mp4",
  errors: [404, 416],
  handler: ({ actor, db, params, request }) =>
    videoStreamResponse(db, actor, params.id, request.headers.get("range")),
});
