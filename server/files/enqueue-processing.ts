import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { files } from "@/db/schema";
import { currentJobQueue, fileProcessingQueue, type FileProcessingJob } from "@/server/jobs/job-queue";

/**
 * Queues text extraction and previews for a newly stored file. Called after the upload's transaction
 * commits; if queueing fails the upload still stands and the sweep below picks the file up.
 */
export async function enqueueFileProcessing(
  fileId: string,
  queue?: PgBoss,
  priority: "upload" | "backlog" = "upload",
): Promise<void> {
  try {
    const boss = queue ?? (await currentJobQueue());
    if (!boss) return;
    // A file someone just uploaded (and is looking at) goes ahead of a backlog of older files.
    await boss.send(fileProcessingQueue.name, { fileId } satisfies FileProcessingJob, {
      singletonKey: fileId,
      priority: priority === "upload" ? 10 : 0,
    });
  } catch (error) {
    console.error(`Could not queue processing for file ${fileId}; the sweep will retry`, error);
  }
}

/**
 * Queues every file still pending after `olderThanSeconds` (seeded files, or an upload whose enqueue was
 * lost). The queue's one-job-per-file policy makes a second send for a file already queued a no-op.
 */
export async function sweepPendingFiles(db: Database, queue: PgBoss, olderThanSeconds = 60): Promise<number> {
  const pending = await db
    .select({ id: files.id })
    .from(files)
    .where(
      and(
        eq(files.processingState, "pending"),
        lt(files.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
      ),
    )
    .limit(1000);
  for (const { id } of pending) await enqueueFileProcessing(id, queue, "backlog");
  return pending.length;
}
