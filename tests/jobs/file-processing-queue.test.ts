import { eq } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetVersions, files } from "@/db/schema";
import { uploadFromRequest } from "../support/uploads";
import { enqueueFileProcessing } from "@/server/files/enqueue-processing";
import { createJobQueue, fileProcessingQueue, setJobQueue } from "@/server/jobs/job-queue";
import { startWorkers } from "@/server/jobs/start-workers";
import { getStorage } from "@/server/storage";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { pdfWith } from "../files/fixtures";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let queue: PgBoss;
const stops: (() => void)[] = [];

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  queue = await createJobQueue(handle, { supervise: false, monitorIntervalSeconds: 1 });
  // Short enough for a test: a job whose worker vanished comes back after a second, retried at once.
  await queue.updateQueue(fileProcessingQueue.name, {
    expireInSeconds: 1,
    retryDelay: 0,
    retryBackoff: false,
  });
}, 120_000);
afterAll(async () => {
  for (const stop of stops) stop();
  setJobQueue(undefined);
  await queue.stop({ graceful: true, timeout: 5_000, close: true });
  await handle.close();
});

async function waitForState(fileId: string, state: "done" | "failed", timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const [row] = await handle.db.select().from(files).where(eq(files.id, fileId));
    if (row?.processingState === state) return row;
    if (Date.now() - started > timeoutMs) throw new Error(`file ${fileId} is still ${row?.processingState}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function upload(title: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("metadata", JSON.stringify({ title, type: "case_study", stageIds: [ws.stages[0]!.id] }));
  form.append("file", new Blob([bytes as BlobPart]), `${title}.pdf`);
  return new Request("http://localhost/api/v1/assets", { method: "POST", body: form });
}

describe("file processing queue", () => {
  it("retries a job whose worker died mid-way, and the file ends processed", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    // Uploaded while no queue is connected (as from a script): the file waits, pending.
    const asset = await uploadFromRequest(
      handle.db,
      marketer,
      upload("Crash survivor", await pdfWith("Pangolin pricing")),
    );
    const [version] = await handle.db
      .select({ fileId: assetVersions.fileId })
      .from(assetVersions)
      .where(eq(assetVersions.id, asset.currentVersionId));
    const fileId = version!.fileId;
    await enqueueFileProcessing(fileId, queue);

    // Worker A claims the job and dies: nothing ever completes it.
    const [claimed] = await queue.fetch<{ fileId: string }>(fileProcessingQueue.name);
    expect(claimed?.data.fileId).toBe(fileId);
    const [stillPending] = await handle.db.select().from(files).where(eq(files.id, fileId));
    expect(stillPending!.processingState).toBe("pending");

    // The monitor notices the expired claim and puts the job back for another worker.
    for (let tries = 0; ; tries++) {
      await new Promise((r) => setTimeout(r, 1_100));
      await queue.supervise(fileProcessingQueue.name);
      const [job] = await queue.findJobs(fileProcessingQueue.name, { id: claimed!.id });
      if (job?.state === "retry") break;
      if (tries > 15) throw new Error(`the abandoned job stayed ${job?.state}`);
    }
    stops.push(await startWorkers({ db: handle.db, queue, storage: getStorage() }));

    const done = await waitForState(fileId, "done");
    expect(done.extractedText).toContain("Pangolin pricing");
    // Attempts count only workers that reached the file: the one that died claimed the job and no more.
    expect(done.processingAttempts).toBeGreaterThanOrEqual(1);
    // The queue settles the job just after the file is written (or retries it once more under load).
    await expect
      .poll(async () => (await queue.findJobs(fileProcessingQueue.name, { id: claimed!.id }))[0]?.state, {
        timeout: 20_000,
        interval: 300,
      })
      .toBe("completed");
    const [job] = await queue.findJobs(fileProcessingQueue.name, { id: claimed!.id });
    expect(job?.retryCount).toBeGreaterThanOrEqual(1);
  });

  it("queues a file as soon as it is uploaded when the process has a queue", async () => {
    setJobQueue(queue);
    const marketer = await ws.actor(ws.people.marketer);
    const asset = await uploadFromRequest(
      handle.db,
      marketer,
      upload("Queued at upload", await pdfWith("Axolotl ROI")),
    );
    const [version] = await handle.db
      .select({ fileId: assetVersions.fileId })
      .from(assetVersions)
      .where(eq(assetVersions.id, asset.currentVersionId));
    const done = await waitForState(version!.fileId, "done");
    expect(done.extractedText).toContain("Axolotl ROI");
    expect(done.previewPageCount).toBe(1);
  });
});
