/** Applies pending migrations once when a server instance starts, before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDatabaseHandle } = await import("./db/client");
    await getDatabaseHandle();
  }
}
