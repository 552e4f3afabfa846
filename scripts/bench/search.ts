/**
 * `npm run bench:search`: seeds a large workspace into a fresh PostgreSQL database (search-seed.ts:
 * `--assets` assets, 100,000 by default, ~1,500 words of extracted text each, through the real schema and
 * search triggers), starts the real app on it (`next start`, building first when .next is missing or older
 * than the sources), and sends a fixed mix of 200 searches (search-queries.ts) to GET /api/v1/assets as a
 * rep with an API token: a warm-up, then all 200 from 8 concurrent clients (p50/p95/p99, throughput), then
 * all 200 from one client, with the CPU time the server and PostgreSQL spent per request (from /proc). Then it
 * captures the SQL each request runs, times it with EXPLAIN ANALYZE and as sent from a bare pg client
 * (search-sql.ts), and prints the app's time over the database's as a ratio. The server is named by
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres); the
 * database is baton_bench_search_<assets>, dropped at the end unless `--keep`. `--reuse` keeps using a
 * completely seeded database of the same size from an earlier `--keep` run; `--seed-only` seeds (or finds)
 * the database, keeps it and stops. `--queries <n>` sends only the first n of the shuffled mix (a quicker,
 * still mixed sample). `--port` (3201). `--cpu-prof <dir>` writes a V8 CPU profile of the server into <dir>
 * when it stops, to see where the app's time goes. DATABASE_POOL_MAX is passed on to the server.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";
import { benchQueries, type BenchQuery, type QueryKind } from "./search-queries";
import {
  captureStatements,
  explainRequest,
  replayRequest,
  loggingHandle,
  type RequestSql,
  type Statement,
} from "./search-sql";
import { cpuBetween, cpuReading } from "./process-cpu";

const SEED = 1;
const CLIENTS = 8;
const TARGET_P95_MS = 50;
const TARGET_RATIO = 1.5;

const { values: flags } = parseArgs({
  options: {
    assets: { type: "string" },
    port: { type: "string" },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    queries: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});
const ASSETS = Number(flags.assets ?? process.env.BENCH_ASSETS ?? 100_000);
if (!Number.isInteger(ASSETS) || ASSETS < 100)
  throw new Error("--assets must be a whole number, at least 100");
const PORT = Number(flags.port ?? 3201);
const QUERIES = Number(flags.queries ?? 200);
if (!Number.isInteger(QUERIES) || QUERIES < 10 || QUERIES > 200) throw new Error("--queries must be 10..200");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-search-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

const serverUrl =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `baton_bench_search_${ASSETS}`;
const dbUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

// env.ts reads the environment once, when first loaded; the app's modules are loaded through require for
// next-auth's CommonJS interop (see upload.ts).
process.env.DATA_DIR = path.join(dir, "data");
const load = createRequire(import.meta.url);
const { openDatabase, setDatabaseHandle } = load("../../db/client") as typeof import("../../db/client");
const { loadActor } = load("../../server/authz/actor") as typeof import("../../server/authz/actor");
const { createApiToken } = load(
  "../../server/tokens/token-service",
) as typeof import("../../server/tokens/token-service");
const { searchAssetsRoute } = load(
  "../../server/api/routes/search",
) as typeof import("../../server/api/routes/search");
const { findLibrary, seedLibrary } = load("./search-seed") as typeof import("./search-seed");

const ms = (x: number) => `${x.toFixed(1)} ms`;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
function percentile(xs: number[], p: number) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const spread = (xs: number[]) =>
  `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}, p99 ${ms(percentile(xs, 99))}, mean ${ms(mean(xs))}`;

async function prepareDatabase() {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [dbName]);
    if (rowCount && flags.reuse) return { admin, fresh: false };
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
    return { admin, fresh: true };
  } catch (error) {
    await admin.end();
    throw error;
  }
}

/** Sources the production build depends on; a build older than any of them is rebuilt. */
function buildIsCurrent() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "app", "components", "server", "lib", "db"],
    { cwd: root, encoding: "utf8" },
  )
    .split("\n")
    .filter(Boolean)
    .concat(["env.ts", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json"]);
  return sources.every(
    (f) => !fs.existsSync(path.join(root, f)) || fs.statSync(path.join(root, f)).mtimeMs < built,
  );
}

async function startServer(): Promise<ChildProcess> {
  if (!buildIsCurrent()) {
    console.log("Building (next build): .next is missing or older than the sources");
    execFileSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
  }
  const logFile = fs.openSync(path.join(dir, "server.log"), "a");
  const next = ["start", "-p", String(PORT)];
  const profile = flags["cpu-prof"];
  const [command, args] = profile
    ? [
        process.execPath,
        [
          "--cpu-prof",
          `--cpu-prof-dir=${path.resolve(profile)}`,
          path.join(root, "node_modules/next/dist/bin/next"),
          ...next,
        ],
      ]
    : [path.join(root, "node_modules/.bin/next"), next];
  return spawn(command, args, {
    cwd: root,
    stdio: ["ignore", logFile, logFile],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: dbUrl,
      DATA_DIR: path.join(dir, "data"),
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      JOB_WORKERS: "off",
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10",
    },
  });
}

async function waitUntilReady(server: ChildProcess, url: string, token: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    const ok = await fetch(`${url}?limit=1&record=false`, { headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const log = fs.readFileSync(path.join(dir, "server.log"), "utf8");
  throw new Error(`The server did not become ready on port ${PORT}:\n${log.slice(-3000)}`);
}

/** GET `url` with a bearer token over a kept-alive connection: the status and the parsed JSON body. */
function get(agent: http.Agent, url: string, token: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/**
 * Sends `queries` from `clients` concurrent clients (node:http with kept-alive connections: a lighter client
 * than fetch, whose own CPU time would otherwise count as the app's); returns each request's latency (ms)
 * and total, and the CPU the server and PostgreSQL spent per request.
 */
async function runPass(queries: BenchQuery[], clients: number, url: string, token: string) {
  const latencies: number[] = new Array<number>(queries.length);
  const totals: number[] = new Array<number>(queries.length);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let next = 0;
  const cpuBefore = cpuReading(server?.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < queries.length) {
        const i = next++;
        const t0 = performance.now();
        const { status, body } = await get(agent, `${url}?${queries[i]!.params}`, token);
        latencies[i] = performance.now() - t0;
        if (status !== 200) throw new Error(`GET ?${queries[i]!.params} answered ${status}`);
        totals[i] = (body as { total: number }).total;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuReading(server?.pid);
  agent.destroy();
  const between = cpuBefore && cpuAfter ? cpuBetween(cpuBefore, cpuAfter) : null;
  const cpu = between
    ? { app: between.app / queries.length, postgres: between.postgres / queries.length }
    : null;
  return { latencies, totals, seconds, cpu };
}

let server: ChildProcess | undefined;
let admin: pg.Client | undefined;
const handle = { close: async () => {} };
try {
  const prepared = await prepareDatabase();
  admin = prepared.admin;
  const target = await openDatabase({ driver: "postgres", url: dbUrl });
  handle.close = () => target.close();
  await target.migrate();
  const { rows: version } = await admin.query<{ v: string }>("select current_setting('server_version') as v");
  let library = prepared.fresh ? null : await findLibrary(target.db, ASSETS, SEED);
  if (library) {
    console.log(`Reusing ${dbName} (PostgreSQL ${version[0]!.v})`);
    // A migration may have just rewritten rows (a backfill): measure a vacuumed, analyzed table.
    await target.db.execute(sql`vacuum analyze`);
  } else {
    if (!prepared.fresh)
      throw new Error(`${dbName} exists but holds no complete library; run without --reuse`);
    console.log(`Seeding ${ASSETS.toLocaleString()} assets into ${dbName} (PostgreSQL ${version[0]!.v}) ...`);
    const started = performance.now();
    let shown = 0;
    const seeded = await seedLibrary(target.db, ASSETS, SEED, (done) => {
      if (done - shown >= ASSETS / 10 || done === ASSETS) {
        shown = done;
        console.log(
          `  ${done.toLocaleString()} assets, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    });
    library = seeded.library;
    console.log(
      `Seeded in ${((performance.now() - started) / 1000).toFixed(0)} s (incl. index build and VACUUM ANALYZE); mean extracted text ${Math.round(seeded.meanWords).toLocaleString()} words`,
    );
  }
  const { rows: sizes } = await admin.query<{ size: string }>(
    "select pg_size_pretty(pg_database_size($1)) as size",
    [dbName],
  );
  const { rows: visible } = await target.db.execute<{ n: string }>(
    sql`select count(*) as n from assets where status = 'published' and (expires_at is null or expires_at > now())`,
  );
  // Seeded and kept: nothing to clean up, so leave without the finally block that drops the database.
  if (flags["seed-only"]) process.exit(0);
  const rep = (await loadActor(target.db, library.repId))!;
  const { secret } = await createApiToken(target.db, rep, "bench:search");
  const queries = benchQueries(library).slice(0, QUERIES);
  const url = `http://127.0.0.1:${PORT}/api/v1/assets`;

  server = await startServer();
  await waitUntilReady(server, url, secret);
  await runPass(
    // Warm-up: every 4th query of the mix (50 of 200).
    queries.filter((_, i) => i % 4 === 0),
    CLIENTS,
    url,
    secret,
  );
  const loadBefore = loadAverage();
  const concurrent = await runPass(queries, CLIENTS, url, secret);
  const loadAfter = loadAverage();
  const serial = await runPass(queries, 1, url, secret);
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;

  const log: Statement[] = [];
  const logging = loggingHandle(dbUrl, log);
  setDatabaseHandle(logging);
  const explainClient = new pg.Client({ connectionString: dbUrl });
  await explainClient.connect();
  const timings: RequestSql[] = [];
  const captured: Statement[][] = [];
  for (const query of queries) {
    const statements = await captureStatements(
      searchAssetsRoute.handler,
      log,
      `${url}?${query.params}`,
      secret,
    );
    captured.push(statements);
    timings.push(await explainRequest(explainClient, statements));
  }
  const replayMs: number[] = [];
  for (const statements of captured) replayMs.push(await replayRequest(explainClient, statements));
  await explainClient.end();
  await logging.close();

  const sqlMs = timings.map((s) => s.ms);
  const ratio = mean(serial.latencies) / mean(sqlMs);
  const p95 = percentile(concurrent.latencies, 95);
  console.log(
    `\n${dbName}: ${ASSETS.toLocaleString()} assets (${Number(visible[0]!.n).toLocaleString()} visible to the rep), ${sizes[0]!.size}`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores; load average (1, 5, 15 min) ${loadBefore} before, ${loadAfter} after the 8-client pass\n`,
  );
  row(`HTTP, ${CLIENTS} clients, ${queries.length} queries`, spread(concurrent.latencies));
  row("  throughput", `${(queries.length / concurrent.seconds).toFixed(1)} req/s`);
  row("HTTP, 1 client", `${spread(serial.latencies)}; ${(queries.length / serial.seconds).toFixed(1)} req/s`);
  row(
    "SQL (EXPLAIN ANALYZE, summed)",
    `${spread(sqlMs)}; ${mean(timings.map((s) => s.statements.length)).toFixed(1)} statements per request`,
  );
  row(
    "same SQL from a bare pg client",
    `${spread(replayMs)}; app / bare client, mean (1 client) ${(mean(serial.latencies) / mean(replayMs)).toFixed(2)}x`,
  );
  const cpuRow = (label: string, cpu: typeof serial.cpu) =>
    row(
      label,
      cpu
        ? `app server ${ms(cpu.app)}, PostgreSQL ${ms(cpu.postgres)} (all backends), ${ms(cpu.app + cpu.postgres)} in all`
        : "n/a (no /proc)",
    );
  cpuRow("CPU per request, 1 client", serial.cpu);
  cpuRow(`CPU per request, ${CLIENTS} clients`, concurrent.cpu);
  row("app / SQL, mean (1 client)", `${ratio.toFixed(2)}x`);
  row(
    "app / SQL, p50 vs p50 (1 client)",
    `${(percentile(serial.latencies, 50) / percentile(sqlMs, 50)).toFixed(2)}x`,
  );
  row(
    `app / SQL, mean (${CLIENTS} clients)`,
    `${(mean(concurrent.latencies) / mean(sqlMs)).toFixed(2)}x (includes queueing for 2 cores)`,
  );

  console.log(
    `\n  ${"kind".padEnd(12)} ${"n".padStart(3)}  ${"8 clients p50/p95".padEnd(20)} ${"1 client p50".padEnd(13)} SQL p50/p95     results (min-max)`,
  );
  const kinds = [...new Set(queries.map((q) => q.kind))] as QueryKind[];
  for (const kind of kinds) {
    const idx = queries.flatMap((q, i) => (q.kind === kind ? [i] : []));
    const pick = (xs: number[]) => idx.map((i) => xs[i]!);
    const totals = pick(concurrent.totals);
    console.log(
      `  ${kind.padEnd(12)} ${String(idx.length).padStart(3)}  ${`${percentile(pick(concurrent.latencies), 50).toFixed(0)} / ${percentile(pick(concurrent.latencies), 95).toFixed(0)} ms`.padEnd(20)} ${`${percentile(pick(serial.latencies), 50).toFixed(0)} ms`.padEnd(13)} ${`${percentile(pick(sqlMs), 50).toFixed(0)} / ${percentile(pick(sqlMs), 95).toFixed(0)} ms`.padEnd(15)} ${Math.min(...totals)}-${Math.max(...totals)}`,
    );
  }
  console.log("\n  slowest requests in SQL (their slowest statement):");
  for (const i of sqlMs
    .map((_, i) => i)
    .sort((a, b) => sqlMs[b]! - sqlMs[a]!)
    .slice(0, 6)) {
    const worst = [...timings[i]!.statements].sort(
      (a, b) => b.planningMs + b.executionMs - a.planningMs - a.executionMs,
    )[0]!;
    console.log(
      `  ${ms(sqlMs[i]!).padStart(9)} ${queries[i]!.kind.padEnd(11)} ?${decodeURIComponent(queries[i]!.params.toString()).slice(0, 60)}\n            ${ms(worst.planningMs + worst.executionMs)}: ${worst.text.replace(/\s+/g, " ").slice(0, 110)}`,
    );
  }
  // Where the SQL time goes across the whole mix: statements grouped by their opening words.
  const byStatement = new Map<string, { ms: number; n: number }>();
  for (const t of timings) {
    for (const st of t.statements) {
      const key = st.text.replace(/\s+/g, " ").replace(/\$\d+/g, "$").slice(0, 90);
      const cur = byStatement.get(key) ?? { ms: 0, n: 0 };
      byStatement.set(key, { ms: cur.ms + st.planningMs + st.executionMs, n: cur.n + 1 });
    }
  }
  console.log("\n  SQL time by statement (mean per request of the mix, count, statement opening):");
  for (const [text, v] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) {
    console.log(
      `  ${`${(v.ms / timings.length).toFixed(1)} ms`.padStart(9)} ${String(v.n).padStart(4)}x  ${text}`,
    );
  }
  console.log("");
  row(
    `p95 (${CLIENTS} clients)`,
    `${ms(p95)} (target < ${TARGET_P95_MS} ms) ${p95 < TARGET_P95_MS ? "PASS" : "FAIL"}`,
  );
  row(
    "app / SQL (1 client, mean)",
    `${ratio.toFixed(2)}x (target < ${TARGET_RATIO}x) ${ratio < TARGET_RATIO ? "PASS" : "FAIL"}`,
  );
  if (p95 >= TARGET_P95_MS || ratio >= TARGET_RATIO) process.exitCode = 1;
} finally {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  await handle.close();
  if (admin) {
    if (!flags.keep) await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
