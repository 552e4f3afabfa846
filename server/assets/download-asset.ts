import "server-only";
import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { attachmentDisposition } from "@/lib/content-disposition";
import { AppError } from "@/lib/errors";
import { recordAssetActivity } from "@/server/activity/record-activity";
import type { Actor } from "@/server/authz/actor";
import { getStorage } from "@/server/storage";
import { getAssetOrThrow } from "./asset-queries";

/** Streams the current file of an asset the actor may see, always as an attachment that cannot run. */
export async function downloadAsset(db: Database, actor: Actor, assetId: string): Promise<Response> {
  const { asset, file } = await getAssetOrThrow(db, actor, assetId);
  if (!file?.storageKey) throw new AppError("not_found", "This asset has no file");
  if (!asset.allowDownload && (actor.role === "rep" || actor.role === "partner")) {
    throw new AppError("forbidden", "This asset is view-only; it cannot be downloaded");
  }
  const { body, size } = await getStorage().get(file.storageKey);
  await recordAssetActivity(db, actor, "download", asset.id);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(size),
      "Content-Disposition": attachmentDisposition(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
