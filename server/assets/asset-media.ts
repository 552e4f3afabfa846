import "server-only";
import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { previewPageKey } from "@/server/files/preview-keys";
import { getStorage, type ByteRange } from "@/server/storage";
import { getAssetOrThrow } from "./asset-queries";

// Everything shown inline is either an image Baton rendered itself (WebP previews and thumbnails) or a
// video element's stream: never the uploaded bytes of a type the browser might run.
const inlineHeaders = {
  "Content-Disposition": "inline",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
};

const videoTypes = new Set(["video/mp4", "video/webm"]);

async function imageResponse(key: string) {
  const { body, size } = await getStorage().get(key);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      ...inlineHeaders,
      "Content-Type": "image/webp",
      "Content-Length": String(size),
      "Cache-Control": "private, max-age=300",
    },
  });
}

/** One rendered page of the asset's current file (1-based), for the in-browser viewer. */
export async function previewPageResponse(db: Database, actor: Actor, assetId: string, page: number) {
  const { file } = await getAssetOrThrow(db, actor, assetId);
  return filePreviewPageResponse(file, page);
}

/** One rendered page of a file the caller has already authorized. */
export function filePreviewPageResponse(
  file: { id: string | null; previewPageCount: number } | null,
  page: number,
) {
  if (!file?.id || page < 1 || page > file.previewPageCount) throw notFound("No such preview page");
  return imageResponse(previewPageKey(file.id, page));
}

/** The small image shown in lists and cards. */
export async function thumbnailResponse(db: Database, actor: Actor, assetId: string) {
  const { file } = await getAssetOrThrow(db, actor, assetId);
  if (!file?.thumbnailKey) throw notFound("This asset has no thumbnail");
  return imageResponse(file.thumbnailKey);
}

/**
 * The current file of a video asset, streamed for a <video> element with byte ranges so it can seek.
 * Viewing is allowed even when downloading is not; the response is never an attachment.
 */
export async function videoStreamResponse(
  db: Database,
  actor: Actor,
  assetId: string,
  rangeHeader: string | null,
) {
  const { file } = await getAssetOrThrow(db, actor, assetId);
  return fileVideoStreamResponse(file, rangeHeader);
}

/** A video file the caller has already authorized, streamed with byte ranges. */
export async function fileVideoStreamResponse(
  file: { storageKey: string | null; mimeType: string; sizeBytes: number } | null,
  rangeHeader: string | null,
) {
  if (!file?.storageKey || !videoTypes.has(file.mimeType)) throw notFound("This asset has no video");
  const range = parseRange(rangeHeader, file.sizeBytes);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${file.sizeBytes}` } });
  }
  const { body, size } = await getStorage().get(file.storageKey, range ?? undefined);
  const headers: Record<string, string> = {
    ...inlineHeaders,
    "Content-Type": file.mimeType,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
  };
  if (!range) {
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: { ...headers, "Content-Length": String(size) },
    });
  }
  return new Response(Readable.toWeb(body) as ReadableStream, {
    status: 206,
    headers: {
      ...headers,
      "Content-Length": String(range.end - range.start + 1),
      "Content-Range": `bytes ${range.start}-${range.end}/${size}`,
    },
  });
}

/** One `bytes=` range (the only form browsers send for media); null when absent or unparseable. */
export function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const match = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}
