/**
 * Runs once when a server instance starts, before it serves requests: answers unparseable requests in the
 * API's JSON error shape, applies pending migrations, then
 * connects to the job queue and (unless JOB_WORKERS=off) starts the background workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { answerMalformedRequestsAsJson } = await import("./server/http/malformed-requests");
    answerMalformedRequestsAsJson();
    const { getDatabaseHandle } = await import("./db/client");
    await getDatabaseHandle();
    const { startJobs } = await import("./server/jobs/start-jobs");
    await startJobs();
  }
}
