/**
 * Runs once when a server instance starts, before it serves requests: answers unparseable requests in the
 * API's JSON error shape, answers buyer-room beacons before Next.js routes them (production builds; see
 * beacon-fast-path.ts), applies pending migrations, then
 * connects to the job queue and (unless JOB_WORKERS=off) starts the background workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { answerMalformedRequestsAsJson } = await import("./server/http/malformed-requests");
    answerMalformedRequestsAsJson();
    if (process.env.NODE_ENV === "production") {
      const { answerBeaconsBeforeNext, buildHeaderRules } =
        await import("./server/rooms/public/beacon-fast-path");
      const rules = await buildHeaderRules();
      if (rules) answerBeaconsBeforeNext(rules);
    }
    const { getDatabaseHandle } = await import("./db/client");
    await getDatabaseHandle();
    const { startJobs } = await import("./server/jobs/start-jobs");
    await startJobs();
  }
}
