/**
 * `npm run bench:import`: generates a 100,000-row HubSpot-style CSV, imports it into a fresh database
 * through the same streaming importer the UI and API use, then imports it again (all rows unchanged),
 * and prints rows/s, peak RSS and RSS growth. PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL)
 * names a server, the embedded database otherwise.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { users } from "../../db/schema";
import { loadActor } from "../../server/authz/actor";
import { importDeals } from "../../server/crm-import/import-deals";
import { createWorkspace } from "../../server/workspaces/create-workspace";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-import-"));
const csvPath = path.join(dir, "deals.csv");

async function writeCsv() {
  const out = fs.createWriteStream(csvPath);
  const stages = [
    "appointmentscheduled",
    "qualifiedtobuy",
    "presentationscheduled",
    "decisionmakerboughtin",
    "contractsent",
    "closedwon",
    "closedlost",
  ];
  out.write("\uFEFFRecord ID,Deal Name,Associated Company,Amount,Currency,Deal Stage,Close Date\r\n");
  for (let i = 0; i < ROWS; i++) {
    const line = `${1_000_000 + i},"Account ${i % 5000}, expansion ${i}",Account ${i % 5000},"${(1000 + (i % 400) * 250).toLocaleString("en-US")}.00",USD,${stages[i % stages.length]},${(i % 12) + 1}/${(i % 28) + 1}/2026\r\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

async function openTarget(): Promise<{ handle: DatabaseHandle; label: string; drop?: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server)
    return {
      handle: await openDatabase({ driver: "pglite", dataDir: path.join(dir, "pglite") }),
      label: "PGlite (embedded)",
    };
  const name = `baton_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    handle: await openDatabase({ driver: "postgres", url: url.toString() }),
    label: "PostgreSQL",
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function measure(label: string, run: () => Promise<unknown>) {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${label}: ${ROWS.toLocaleString()} rows in ${seconds.toFixed(1)} s = ${Math.round(ROWS / seconds).toLocaleString()} rows/s; peak RSS ${mb(peak)} (growth ${mb(peak - baseline)})`,
  );
  return result;
}

await writeCsv();
console.log(
  `Generated ${csvPath}: ${(fs.statSync(csvPath).size / 1024 / 1024).toFixed(1)} MB, ${ROWS.toLocaleString()} rows`,
);
const { handle, label, drop } = await openTarget();
try {
  await handle.migrate();
  const { workspace } = await createWorkspace(handle.db, { name: "Bench", slug: `bench-${process.pid}` });
  const [user] = await handle.db
    .insert(users)
    .values({
      workspaceId: workspace.id,
      email: `bench-${process.pid}@bench.test`,
      name: "Bench Admin",
      role: "admin",
    })
    .returning();
  const actor = (await loadActor(handle.db, user!.id))!;
  console.log(`Database: ${label}`);
  const first = (await measure("First import (all rows created)", () =>
    importDeals(handle.db, actor, fs.createReadStream(csvPath)),
  )) as { created: number; failed: number };
  const second = (await measure("Re-import (all rows unchanged)", () =>
    importDeals(handle.db, actor, fs.createReadStream(csvPath)),
  )) as { unchanged: number };
  console.log(
    `created ${first.created.toLocaleString()}, failed ${first.failed}, unchanged on re-import ${second.unchanged.toLocaleString()}`,
  );
} finally {
  await handle.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
}
