import "server-only";
import { and, eq } from "drizzle-orm";
import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { assetVersions, files } from "@/db/schema";
import { attachmentDisposition } from "@/lib/content-disposition";
import { AppError, notFound } from "@/lib/errors";
import { recordAssetActivity } from "@/server/activity/record-activity";
import type { Actor } from "@/server/authz/actor";
import { mayDownloadFile, watermarksDownloads } from "@/server/authz/rules";
import { watermarkLine, watermarkPdf } from "@/server/partners/watermark-pdf";
import { getStorage } from "@/server/storage";
import { getAssetOrThrow } from "./asset-queries";

/** A stored file as a download that the browser saves and never renders or runs. */
export async function attachmentResponse(file: {
  storageKey: string;
  mimeType: string;
  originalName: string;
}) {
  const { body, size } = await getStorage().get(file.storageKey);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: { ...downloadHeaders(file), "Content-Length": String(size) },
  });
}

function downloadHeaders(file: { mimeType: string; originalName: string }) {
  return {
    "Content-Type": file.mimeType,
    "Content-Disposition": attachmentDisposition(file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
  };
}

/** Streams the current file of an asset the actor may see. */
export async function downloadAsset(db: Database, actor: Actor, assetId: string): Promise<Response> {
  const { asset, file } = await getAssetOrThrow(db, actor, assetId);
  if (!file?.storageKey) throw new AppError("not_found", "This asset has no file");
  if (!mayDownloadFile(actor, asset)) {
    throw new AppError("forbidden", "This asset is view-only; it cannot be downloaded");
  }
  const response =
    watermarksDownloads(actor) && file.mimeType === "application/pdf"
      ? await stampedPdfResponse(
          file,
          watermarkLine({ orgName: actor.partnerOrgName ?? "", email: actor.email, date: new Date() }),
        )
      : await attachmentResponse(file);
  await recordAssetActivity(db, actor, "download", asset.id);
  return response;
}

/** A copy of a PDF stamped on every page with who received it (a partner's or a buyer's download). */
export async function stampedPdfResponse(
  file: { storageKey: string; mimeType: string; originalName: string },
  line: string,
) {
  const { body } = await getStorage().get(file.storageKey);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  const stamped = await watermarkPdf(Buffer.concat(chunks), line);
  return new Response(stamped as Uint8Array<ArrayBuffer>, {
    headers: { ...downloadHeaders(file), "Content-Length": String(stamped.byteLength) },
  });
}

/** Streams an earlier version's file; only for roles that manage content (checked by the caller). */
export async function downloadAssetVersion(db: Database, actor: Actor, assetId: string, versionId: string) {
  await getAssetOrThrow(db, actor, assetId);
  const [file] = await db
    .select({ storageKey: files.storageKey, mimeType: files.mimeType, originalName: files.originalName })
    .from(assetVersions)
    .innerJoin(files, eq(files.id, assetVersions.fileId))
    .where(and(eq(assetVersions.id, versionId), eq(assetVersions.assetId, assetId)));
  if (!file) throw notFound("Version not found");
  return attachmentResponse(file);
}
