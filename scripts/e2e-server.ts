/**
 * The server Playwright tests run against: a fresh database (a new PostgreSQL database when
 * TEST_DATABASE_URL is set, a new embedded one otherwise), migrated and seeded with the demo workspace,
 * served by `next start` from the production build.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const port = process.env.E2E_PORT ?? "3100";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-e2e-"));
const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXTAUTH_URL: `http://localhost:${port}`,
  PORT: port,
};
delete childEnv.DATABASE_URL;

const serverUrl = process.env.TEST_DATABASE_URL;
let dbName: string | undefined;
if (serverUrl) {
  dbName = `baton_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  childEnv.DATABASE_URL = url.toString();
}

const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], {
  env: childEnv,
  stdio: "inherit",
});
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn("npx", ["next", "start", "-p", port], { env: childEnv, stdio: "inherit" });

async function cleanup() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl && dbName) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill("SIGTERM");
  });
}
server.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
