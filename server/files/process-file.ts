import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { files } from "@/db/schema";
import type { StorageDriver } from "@/server/storage";
import { extractText } from "./extract-text";
import { FileProcessingError } from "./file-processing-error";
import { previewPageKey, thumbnailKeyOf } from "./preview-keys";
import { renderPreviews } from "./render-previews";

/** Larger files are stored and downloadable but not read into memory for text and previews. */
export const MAX_PROCESSED_BYTES = 200 * 1024 * 1024;

const processedTypes = new Set([
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/plain",
  "text/markdown",
  "text/csv",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
]);

export type ProcessOutcome = "done" | "failed" | "skipped";

/**
 * Extracts a file's text and renders its previews, then records everything in one UPDATE, so a crash at
 * any point leaves the file exactly as it was (pending) for the retry. Images are written under keys
 * derived from the file id, so a retry overwrites rather than orphans them. A file that cannot be read
 * fails with a reason and is not retried; any other error is rethrown for the queue to retry, and on the
 * last attempt the file is marked failed so it never stays "processing" forever.
 */
export async function processFile(
  db: Database,
  storage: StorageDriver,
  fileId: string,
  options: { finalAttempt: boolean },
): Promise<ProcessOutcome> {
  const [file] = await db.select().from(files).where(eq(files.id, fileId));
  if (!file || file.processingState !== "pending") return "skipped";
  await db
    .update(files)
    .set({ processingAttempts: sql`${files.processingAttempts} + 1` })
    .where(eq(files.id, fileId));
  try {
    if (!processedTypes.has(file.mimeType)) return await finish(db, fileId, {});
    if (file.sizeBytes > MAX_PROCESSED_BYTES) {
      throw new FileProcessingError(
        "The file is too large to index or preview (over 200 MB); it can still be downloaded",
      );
    }
    const bytes = await readObject(storage, file.storageKey);
    const text = await extractText(bytes, file.mimeType);
    const previews = await renderPreviews(bytes, file.mimeType);
    if (previews) {
      for (const [index, page] of previews.pages.entries()) {
        await storage.put(previewPageKey(fileId, index + 1), bufferStream(page), "image/webp");
      }
      await storage.put(thumbnailKeyOf(fileId), bufferStream(previews.thumbnail), "image/webp");
    }
    return await finish(db, fileId, {
      extractedText: text,
      pageCount: previews?.pageCount ?? null,
      previewPageCount: previews?.pages.length ?? 0,
      thumbnailKey: previews ? thumbnailKeyOf(fileId) : null,
    });
  } catch (error) {
    if (error instanceof FileProcessingError) return markFailed(db, fileId, error.message);
    if (options.finalAttempt) {
      const reason = error instanceof Error ? error.message : String(error);
      await markFailed(db, fileId, `Processing stopped after repeated errors: ${reason.slice(0, 200)}`);
    }
    throw error;
  }
}

async function finish(
  db: Database,
  fileId: string,
  result: Partial<
    Pick<typeof files.$inferInsert, "extractedText" | "pageCount" | "previewPageCount" | "thumbnailKey">
  >,
): Promise<ProcessOutcome> {
  await db
    .update(files)
    .set({ ...result, processingState: "done", processingError: null, processedAt: sql`now()` })
    .where(and(eq(files.id, fileId), ne(files.processingState, "done")));
  return "done";
}

async function markFailed(db: Database, fileId: string, reason: string): Promise<ProcessOutcome> {
  await db
    .update(files)
    .set({ processingState: "failed", processingError: reason, processedAt: sql`now()` })
    .where(and(eq(files.id, fileId), ne(files.processingState, "done")));
  return "failed";
}

async function readObject(storage: StorageDriver, key: string): Promise<Uint8Array> {
  const { body } = await storage.get(key);
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

function bufferStream(buffer: Buffer): Readable {
  return Readable.from([buffer]);
}
