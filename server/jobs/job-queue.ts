import "server-only";
import { PgBoss, fromPglite } from "pg-boss";
import { getDatabaseHandle, type DatabaseHandle } from "@/db/client";

/**
 * Background jobs run on pg-boss in the application's own database: on a PostgreSQL server through its own
 * small pool, on the embedded database through pg-boss's PGlite adapter in the same process. Either way a
 * job survives a crash: it stays in the queue until a worker completes it, and a job whose worker died is
 * expired and retried.
 */
export const fileProcessingQueue = {
  name: "file-processing",
  options: {
    policy: "stately",
    retryLimit: 4,
    retryDelay: 5,
    retryBackoff: true,
    // A worker that dies mid-job (crash, deploy) gives the job back after this long.
    expireInSeconds: 300,
    deleteAfterSeconds: 7 * 24 * 3600,
  },
} as const;

export interface FileProcessingJob {
  fileId: string;
}

export async function createJobQueue(
  handle: DatabaseHandle,
  options: { supervise?: boolean; monitorIntervalSeconds?: number } = {},
) {
  const connection = handle.queueConnection;
  const common = {
    schema: "pgboss",
    supervise: options.supervise ?? true,
    // Only when given: an explicit undefined would replace pg-boss's default and fail its config check.
    ...(options.monitorIntervalSeconds ? { monitorIntervalSeconds: options.monitorIntervalSeconds } : {}),
    schedule: false,
  } as const;
  const boss =
    connection.backend === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(connection.client), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: connection.url, max: 3 });
  boss.on("error", (error) => console.error("Job queue error:", error));
  await boss.start();
  await boss.createQueue(fileProcessingQueue.name, { ...fileProcessingQueue.options });
  return boss;
}

type Cached = { queue?: Promise<PgBoss> };
const cache = globalThis as unknown as { __batonJobs?: Cached };

/** Starts the process-wide queue on the process-wide database (server start-up and `npm run worker`). */
export function startJobQueue(): Promise<PgBoss> {
  cache.__batonJobs ??= {};
  cache.__batonJobs.queue ??= getDatabaseHandle().then((handle) => createJobQueue(handle));
  return cache.__batonJobs.queue;
}

/**
 * The queue this process started, if any. Scripts such as the seed start none: what they leave pending
 * is queued by a server's sweep.
 */
export function currentJobQueue(): Promise<PgBoss> | undefined {
  return cache.__batonJobs?.queue;
}

/** Tests point the app's code at a queue on their own database (or at none). */
export function setJobQueue(queue: PgBoss | undefined): void {
  cache.__batonJobs = queue ? { queue: Promise.resolve(queue) } : {};
}
