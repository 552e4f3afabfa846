import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { files } from "@/db/schema";
import { env } from "@/env";
import type { StorageDriver } from "@/server/storage";

const UPLOADED_FILES = /^ws\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/;
const BATCH = 500;

/**
 * Removes what interrupted uploads leave in storage: partial writes (a `.part` file on disk, an unfinished
 * S3 multipart upload), and uploaded objects that no file row points at (the upload's transaction never
 * committed, or its workspace was deleted). Only objects older than the grace period are considered, and
 * an object is removed only when no committed row names it, so a live file is never touched. Safe to
 * run on every worker at once: deleting an object twice is harmless.
 */
export async function sweepOrphanedFiles(
  db: Database,
  storage: StorageDriver,
  // Long enough that an upload still streaming, or one whose row is about to commit, is never touched: a
  // partial write counts from its last written byte, an object from when it was completed.
  graceSeconds = env.STORAGE_SWEEP_GRACE_SECONDS,
): Promise<{ partialWrites: number; orphans: number }> {
  const before = new Date(Date.now() - graceSeconds * 1000);
  // A store that cannot list unfinished uploads (some S3-compatible servers) still has its orphans swept.
  const partialWrites = await storage.removePartialWrites(before).catch((error: unknown) => {
    console.error("Could not remove partial writes", error);
    return 0;
  });
  let orphans = 0;
  let batch: string[] = [];
  const settle = async () => {
    const live = await db
      .select({ key: files.storageKey })
      .from(files)
      .where(inArray(files.storageKey, batch));
    const kept = new Set(live.map((row) => row.key));
    for (const key of batch.filter((k) => !kept.has(k))) {
      await storage.delete(key);
      orphans += 1;
    }
    batch = [];
  };
  for await (const object of storage.list("ws/")) {
    if (object.modifiedAt >= before || !UPLOADED_FILES.test(object.key)) continue;
    batch.push(object.key);
    if (batch.length === BATCH) await settle();
  }
  if (batch.length) await settle();
  return { partialWrites, orphans };
}
