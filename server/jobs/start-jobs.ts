import "server-only";
import { env } from "@/env";
import { getDb } from "@/db/client";
import { getStorage } from "@/server/storage";
import { startJobQueue } from "./job-queue";
import { startWorkers } from "./start-workers";

/**
 * Every server instance connects to the queue so uploads can enqueue work; unless JOB_WORKERS=off it also
 * works the queue. Instances share it safely: pg-boss hands each job to one worker.
 */
export async function startJobs(options: { workers: boolean } = { workers: env.JOB_WORKERS === "on" }) {
  const queue = await startJobQueue();
  if (options.workers) await startWorkers({ db: await getDb(), queue, storage: getStorage() });
  return queue;
}
