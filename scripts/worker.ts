/**
 * A dedicated background worker (`npm run worker`) for deployments that run web instances with
 * JOB_WORKERS=off. Works the same queue, with the same code, as a server's built-in worker.
 */
import { getDatabaseHandle } from "../db/client";
import { startJobs } from "../server/jobs/start-jobs";

await getDatabaseHandle();
const queue = await startJobs({ workers: true });
console.log("Baton worker is processing jobs. Stop with Ctrl+C.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void queue.stop({ graceful: true, timeout: 30_000 }).finally(() => process.exit(0));
  });
}
