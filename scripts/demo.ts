/**
 * `npm run demo`: migrate, seed the demo workspace into an empty database, build if needed, then serve
 * Baton on http://localhost:3000 (embedded PostgreSQL under .data/ unless DATABASE_URL is set).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDatabaseHandle } from "../db/client";
import { dataDir, env } from "../env";
import {
  DEMO_PASSWORD,
  demoAccounts,
  hasAnyWorkspace,
  seedDemoWorkspace,
} from "../server/demo/demo-workspace";
import { getStorage } from "../server/storage";
import { ensureLocalAuthSecret } from "./lib/auth-secret";
import { buildIfNeeded } from "./lib/build-if-needed";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = env.PORT;
const url = env.NEXTAUTH_URL ?? `http://localhost:${port}`;

const handle = await getDatabaseHandle();
if (await hasAnyWorkspace(handle.db)) {
  console.log("Database already holds a workspace; keeping its data.");
} else {
  console.log("Seeding the demo workspace…");
  const started = Date.now();
  await seedDemoWorkspace(handle.db, getStorage());
  console.log(`Demo workspace ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
// PGlite allows one process per data folder: release it before the server opens it.
await handle.close();

buildIfNeeded(root);

const secret = ensureLocalAuthSecret(dataDir, env.NEXTAUTH_SECRET);
const server = spawn("npx", ["next", "start", "-p", String(port)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url },
});

const width = Math.max(...demoAccounts.map((a) => a.email.length));
console.log(
  `\nBaton is starting at ${url} (${handle.driver === "pglite" ? `embedded database in ${dataDir}` : "PostgreSQL"})`,
);
console.log(`Demo sign-in accounts (password for all: ${DEMO_PASSWORD}):`);
for (const a of demoAccounts)
  console.log(`  ${a.role.padEnd(9)} ${a.email.padEnd(width)}  ${a.name}${a.org ? ` (${a.org})` : ""}`);
console.log("");

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
