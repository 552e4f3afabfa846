import "server-only";
import type { PgBoss } from "pg-boss";
import type { Database } from "@/db/client";
import { sweepPendingFiles } from "@/server/files/enqueue-processing";
import { processFile } from "@/server/files/process-file";
import { sweepOrphanedFiles } from "@/server/files/sweep-orphaned-files";
import { deliverQueuedEmails } from "@/server/mail/deliver-emails";
import { smtpTransport } from "@/server/mail/mail-transport";
import { runNotificationSweep } from "@/server/notifications/notification-sweep";
import { buildRequestedChampionLists, maintainChampionLists } from "@/server/search/champion-lists";
import { env } from "@/env";
import type { StorageDriver } from "@/server/storage";
import { fileProcessingQueue, type FileProcessingJob } from "./job-queue";
import { refreshStaleStatistics } from "./table-statistics";

const SWEEP_EVERY_MS = 60_000;
const MAIL_EVERY_MS = 10_000;
const STORAGE_SWEEP_EVERY_MS = 15 * 60_000;
const CHAMPION_SWEEP_EVERY_MS = 10_000;
const CHAMPION_UPKEEP_EVERY_MS = 10 * 60_000;
const STATISTICS_EVERY_MS = 5 * 60_000;

/**
 * Runs the file-processing worker in this process, sweeps up files whose job was never queued, and
 * (with SMTP configured) sends queued mail. Every few minutes (NOTIFICATION_SWEEP_SECONDS) it also tells owners about content about to
 * expire and sends the digests that are due: an interval sweep rather than a pg-boss schedule (the queue is
 * created with `schedule: false`), because "due" is decided per person from their own digest setting and
 * last digest, so the sweep is idempotent and safe to run on every instance at once (rows are locked with
 * SKIP LOCKED), exactly like the file and mail sweeps here. Every few seconds it builds the champion lists
 * searches asked for (server/search/champion-lists.ts), each once across instances, and every few minutes
 * asks for rebuilds of lists that shrank and drops unused ones. A storage sweep removes what interrupted uploads
 * left behind (partial writes, objects whose row never committed) once they are an hour old. At start and
 * every few minutes the tables that grew get fresh planner statistics (table-statistics.ts: the embedded
 * database has no autovacuum).
 */
export async function startWorkers(deps: { db: Database; queue: PgBoss; storage: StorageDriver }) {
  const { db, queue, storage } = deps;
  await queue.work<FileProcessingJob>(
    fileProcessingQueue.name,
    { batchSize: 1, pollingIntervalSeconds: 2 },
    async ([job]) => {
      if (!job) return;
      await processFile(db, storage, job.data.fileId, {
        finalAttempt: job.retryCount >= fileProcessingQueue.options.retryLimit,
      });
    },
  );
  await sweepPendingFiles(db, queue, 0);
  const timer = setInterval(() => {
    sweepPendingFiles(db, queue).catch((error) => console.error("File sweep failed", error));
  }, SWEEP_EVERY_MS);
  timer.unref();
  const transport = smtpTransport();
  const mailTimer = transport
    ? setInterval(() => {
        deliverQueuedEmails(db, transport, { from: env.MAIL_FROM }).catch((error) =>
          console.error("Mail delivery failed", error),
        );
      }, MAIL_EVERY_MS)
    : undefined;
  mailTimer?.unref();
  const notificationTimer = setInterval(() => {
    runNotificationSweep(db).catch((error) => console.error("Notification sweep failed", error));
  }, env.NOTIFICATION_SWEEP_SECONDS * 1000);
  notificationTimer.unref();
  const championTimer = setInterval(() => {
    buildRequestedChampionLists(db).catch((error) => console.error("Champion list sweep failed", error));
  }, CHAMPION_SWEEP_EVERY_MS);
  championTimer.unref();
  const championUpkeep = setInterval(() => {
    maintainChampionLists(db).catch((error) => console.error("Champion list upkeep failed", error));
  }, CHAMPION_UPKEEP_EVERY_MS);
  championUpkeep.unref();
  const statistics = () =>
    refreshStaleStatistics(db).catch((error) => console.error("Statistics upkeep failed", error));
  void statistics();
  const statisticsTimer = setInterval(statistics, STATISTICS_EVERY_MS);
  statisticsTimer.unref();
  const storageSweep = () =>
    sweepOrphanedFiles(db, storage).catch((error) => console.error("Storage sweep failed", error));
  void storageSweep();
  const storageTimer = setInterval(storageSweep, STORAGE_SWEEP_EVERY_MS);
  storageTimer.unref();
  return () => {
    clearInterval(timer);
    clearInterval(storageTimer);
    clearInterval(notificationTimer);
    clearInterval(championTimer);
    clearInterval(championUpkeep);
    clearInterval(statisticsTimer);
    if (mailTimer) clearInterval(mailTimer);
  };
}
