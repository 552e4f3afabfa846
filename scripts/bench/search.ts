/**
 * `npm run bench:search`: seeds a large workspace into a fresh PostgreSQL database (search-seed.ts:
 * `--assets` assets, 100,000 by default, ~1,500 words of extracted text each, through the real schema and
 * search triggers), starts the real app on it (`next start`, building first when .next is missing or older
 * than the sources), and sends `--queries` searches (500) drawn from a long-tailed distribution
 * (search-mix.ts) to GET /api/v1/assets as a rep with an API token. After a warm-up of its own draw: every
 * search once from one client, reading each one's CPU time on the app server and on PostgreSQL from /proc
 * (request-cpu.ts: schedstat, in ns), each followed by the floor: GET /api/v1/me, which only authenticates the
 * token and answers, measured the same way; then the whole draw from 8 concurrent clients, and each class's searches
 * from 8 clients. Per class it prints CPU per search (app + database) at the median and the 95th percentile,
 * latency p50/p95 with 1 and 8 clients, throughput, and ranking quality: each distinct search's top 10
 * against the exact ranking of all its hits by score (the same code told to rank any number of hits), as
 * overlap out of 10. The server runs with SERVER_TIMING=on, and the one-client pass counts from its
 * Server-Timing header how many planner estimates the searches reused (the estimate cache's hit rate). Then
 * the issue's targets, PASS or FAIL (exit code 1 on any FAIL). The server is named by
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres); the
 * database is baton_bench_search_<assets>, dropped at the end unless `--keep`. `--words <n>` seeds bodies of n words
 * on average instead of 1,500 (the database's name ends in _w<n>). `--reuse` keeps using a
 * completely seeded database of the same size from an earlier `--keep` run; `--seed-only` seeds (or finds)
 * the database, keeps it and stops. `--explain` prints the statements of the slowest searches with their
 * EXPLAIN ANALYZE time; `--explain-only <n>` prints those of the draw's first n searches instead of running the
 * benchmark (no server); with BENCH_DUMP=<file> each explained search's statements and parameters are appended
 * to <file> as JSON lines, to replay one with EXPLAIN (ANALYZE, BUFFERS). `--port` (3201). `--cpu-prof <dir>` writes a V8 CPU profile of the server into <dir>
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
import { MEAN_WORDS } from "./search-corpus";
import { benchClasses, benchClassOf, drawBenchQueries, type BenchClass } from "./search-mix";
import type { BenchQuery } from "./search-queries";
import {
  captureStatements,
  explainRequest,
  loggingHandle,
  type RequestSql,
  type Statement,
} from "./search-sql";
import { RequestCpu, type CpuSplit } from "./request-cpu";

const SEED = 1;
const CLIENTS = 8;
/** Issue #20's targets at 100,000 assets: CPU per search (app + database) per class, and latency. */
const TARGET_CPU_P50 = 10;
const TARGET_CPU_P95 = 20;
const TARGET_P95_ONE = 25;
const TARGET_P95_EIGHT = 100;
/** Distinct searches per class whose top 10 is compared with the exact ranking. */
const QUALITY_SAMPLE = 25;

const { values: flags } = parseArgs({
  options: {
    assets: { type: "string" },
    port: { type: "string" },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    queries: { type: "string" },
    words: { type: "string" },
    "cpu-prof": { type: "string" },
    explain: { type: "boolean", default: false },
    "explain-only": { type: "string" },
  },
});
const ASSETS = Number(flags.assets ?? process.env.BENCH_ASSETS ?? 100_000);
if (!Number.isInteger(ASSETS) || ASSETS < 100)
  throw new Error("--assets must be a whole number, at least 100");
// The corpus's mean extracted-text length; a database seeded with another is named for it.
const WORDS = Number(flags.words ?? MEAN_WORDS);
if (!Number.isInteger(WORDS) || WORDS < 50) throw new Error("--words must be a whole number, at least 50");
const PORT = Number(flags.port ?? 3201);
const QUERIES = Number(flags.queries ?? 500);
if (!Number.isInteger(QUERIES) || QUERIES < 10)
  throw new Error("--queries must be a whole number, at least 10");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-search-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

const serverUrl =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `baton_bench_search_${ASSETS}${WORDS === MEAN_WORDS ? "" : `_w${WORDS}`}`;
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
const { assetSearchQuerySchema } = load(
  "../../lib/schemas/search",
) as typeof import("../../lib/schemas/search");
const { searchAssets } = load(
  "../../server/search/search-assets",
) as typeof import("../../server/search/search-assets");
const { buildRequestedChampionLists } = load(
  "../../server/search/champion-lists",
) as typeof import("../../server/search/champion-lists");
const { inSearchTransaction, SEARCH_SETTINGS } = load(
  "../../server/search/text-query",
) as typeof import("../../server/search/text-query");

const ms = (x: number) => `${x.toFixed(1)} ms`;
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
      SERVER_TIMING: "on",
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

/**
 * GET `url` with a bearer token over a kept-alive connection: the status, the parsed JSON body and the
 * Server-Timing header (the server runs with SERVER_TIMING=on).
 */
function get(
  agent: http.Agent,
  url: string,
  token: string,
): Promise<{ status: number; body: unknown; timing: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString()),
              timing: String(response.headers["server-timing"] ?? ""),
            });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

interface Answer {
  status: number;
  body: { total: number; totalExact: boolean; items: { id: string }[] };
  timing: string;
}

/**
 * Sends `queries` from `clients` concurrent clients (node:http with kept-alive connections: a lighter client
 * than fetch, whose own CPU time would otherwise count as the app's); returns each request's latency (ms) and
 * answer, and the pass's wall-clock seconds. With one client and `cpu`, also each request's own CPU time on
 * each side (read just before and just after it).
 */
async function runPass(
  queries: BenchQuery[],
  clients: number,
  url: string,
  token: string,
  cpu?: RequestCpu,
  floorUrl?: string,
) {
  const latencies: number[] = new Array<number>(queries.length);
  const answers: Answer["body"][] = new Array<Answer["body"]>(queries.length);
  const cpus: (CpuSplit | null)[] = new Array<CpuSplit | null>(queries.length).fill(null);
  const floor: CpuSplit[] = [];
  /** The planner estimates the searches made, and how many of them the server reused (Server-Timing). */
  const estimates = { cached: 0, all: 0 };
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < queries.length) {
        const i = next++;
        if (cpu && i % 25 === 0) cpu.refresh();
        const before = clients === 1 ? cpu?.read() : undefined;
        const t0 = performance.now();
        const { status, body, timing } = (await get(agent, `${url}?${queries[i]!.params}`, token)) as Answer;
        const reused = /estimates;desc="cached (\d+) of (\d+)"/.exec(timing);
        if (reused) {
          estimates.cached += Number(reused[1]);
          estimates.all += Number(reused[2]);
        }
        latencies[i] = performance.now() - t0;
        if (before) cpus[i] = RequestCpu.between(before, cpu!.read());
        if (status !== 200) throw new Error(`GET ?${queries[i]!.params} answered ${status}`);
        answers[i] = body;
        if (before && floorUrl) {
          // The floor, alternating with the searches: a request that only authenticates and answers.
          const start = cpu!.read();
          const me = await get(agent, floorUrl, token);
          if (me.status !== 200) throw new Error(`GET ${floorUrl} answered ${me.status}`);
          const split = RequestCpu.between(start, cpu!.read());
          if (split) floor.push(split);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, answers, seconds, cpus, floor, estimates };
}

/** Top-k overlap of `got` with `exact` (ids in order): the share of the exact top k that `got` has. */
function overlap(got: string[], exact: string[], k: number): number {
  const top = exact.slice(0, k);
  if (top.length === 0) return got.length === 0 ? 1 : 0;
  const mine = new Set(got.slice(0, k));
  return top.filter((id) => mine.has(id)).length / top.length;
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
  let library = prepared.fresh ? null : await findLibrary(target.db, ASSETS, SEED, WORDS);
  if (library) {
    console.log(`Reusing ${dbName} (PostgreSQL ${version[0]!.v})`);
    // Every run starts from the same search history: the champion lists an earlier run's searches asked
    // for (its measured draw's too) would otherwise serve this run's, and its ranking figures would rise.
    await target.db.execute(sql`delete from search_champion_lists`);
    // A migration may have just rewritten rows (a backfill): measure a vacuumed, analyzed table.
    await target.db.execute(sql`vacuum analyze`);
  } else {
    if (!prepared.fresh)
      throw new Error(`${dbName} exists but holds no complete library; run without --reuse`);
    console.log(`Seeding ${ASSETS.toLocaleString()} assets into ${dbName} (PostgreSQL ${version[0]!.v}) ...`);
    const started = performance.now();
    let shown = 0;
    const seeded = await seedLibrary(
      target.db,
      ASSETS,
      SEED,
      (done) => {
        if (done - shown >= ASSETS / 10 || done === ASSETS) {
          shown = done;
          console.log(
            `  ${done.toLocaleString()} assets, ${((performance.now() - started) / 1000).toFixed(0)} s`,
          );
        }
      },
      WORDS,
    );
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
  const queries = drawBenchQueries(library, QUERIES);
  const url = `http://127.0.0.1:${PORT}/api/v1/assets`;
  if (flags["explain-only"]) {
    // The first n searches of the draw, each statement with its database time; no server, no measured run.
    const n = Number(flags["explain-only"]);
    await explainSearches(queries.slice(0, n), url, secret);
    process.exit(0);
  }

  server = await startServer();
  await waitUntilReady(server, url, secret);
  // Warm-up: a draw of its own from the same distribution (another seed), as the searches of the days before;
  // then the champion lists its broad searches asked for are built, as the worker's sweep builds them between
  // searches (the benchmark's server runs no workers, so no build runs while searches are measured).
  await runPass(drawBenchQueries(library, QUERIES, 7), CLIENTS, url, secret);
  const buildStarted = performance.now();
  const listsBuilt = await buildRequestedChampionLists(target.db, { max: 100_000 });
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const cpu = new RequestCpu(server.pid, dbName);
  const loadBefore = loadAverage();
  const serial = await runPass(queries, 1, url, secret, cpu, `http://127.0.0.1:${PORT}/api/v1/me`);
  const classOf = queries.map((q, i) => benchClassOf(q.kind, serial.answers[i]!.totalExact));
  const whole = await runPass(queries, CLIENTS, url, secret);
  const byClass = new Map<BenchClass, { idx: number[]; concurrent: Awaited<ReturnType<typeof runPass>> }>();
  for (const c of benchClasses) {
    const idx = queries.flatMap((_, i) => (classOf[i] === c ? [i] : []));
    if (idx.length === 0) continue;
    byClass.set(c, {
      idx,
      concurrent: await runPass(
        idx.map((i) => queries[i]!),
        CLIENTS,
        url,
        secret,
      ),
    });
  }
  const loadAfter = loadAverage();
  const exited = new Promise((resolve) => server!.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;

  // How many of the measured broad searches by relevance found a built champion list for their words.
  let broadByRelevance = 0;
  let servedByList = 0;
  for (const [i, query] of queries.entries()) {
    const q = query.params.get("q");
    const sort = query.params.get("sort") ?? "relevance";
    if (!q || sort !== "relevance" || serial.answers[i]!.totalExact) continue;
    broadByRelevance++;
    const built = await inSearchTransaction(
      target.db,
      rep.workspaceId,
      q,
      async (_, cfg) => !!cfg.champions?.built,
    );
    if (built) servedByList++;
  }

  // Ranking quality: each distinct search's first 10 against the exact ranking of every hit by score, which
  // the same code gives when told to rank any number of hits exactly.
  const quality = new Map<BenchClass, number[]>();
  /** The distinct searches whose first page holds fewer than 8 of every 10 of the exact ranking's. */
  const below: { c: BenchClass; q: string; score: number; k: number }[] = [];
  const seen = new Set<string>();
  for (const [i, query] of queries.entries()) {
    const c = classOf[i]!;
    const key = query.params.toString();
    const scores = quality.get(c) ?? [];
    if (seen.has(key) || scores.length >= QUALITY_SAMPLE || !query.params.get("q")) continue;
    seen.add(key);
    // Compared over the first 10, or as many as the search asks for (the quick search shows 8).
    const k = Math.min(10, Number(query.params.get("limit") ?? 10));
    const input = assetSearchQuerySchema.parse({ ...Object.fromEntries(query.params), limit: String(k) });
    const exact = await searchAssets(target.db, rep, input, { exactLimit: 1e9 });
    const score = overlap(
      serial.answers[i]!.items.map((it) => it.id),
      exact.items.map((it) => it.id),
      k,
    );
    scores.push(score);
    quality.set(c, scores);
    if (score < 0.8) below.push({ c, q: query.params.get("q")!, score, k });
  }

  console.log(
    `\n${dbName}: ${ASSETS.toLocaleString()} assets (${Number(visible[0]!.n).toLocaleString()} visible to the rep), ${sizes[0]!.size}`,
  );
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores; ${queries.length} searches drawn (seed 20261207); load average (1, 5, 15 min) ${loadBefore} before, ${loadAfter} after\n`,
  );
  const cpuOf = (idx: number[]) => idx.map((i) => serial.cpus[i]).filter((c): c is CpuSplit => c !== null);
  const all = queries.map((_, i) => i);
  const f = (x: number) => x.toFixed(1);
  /** CPU per request, app + database, at the median and p95, and the two sides at the median. */
  const cpuColumn = (cpus: CpuSplit[]) => {
    const total = cpus.map(cpuTotal);
    const median = (side: keyof CpuSplit) =>
      f(
        percentile(
          cpus.map((c) => c[side]),
          50,
        ),
      );
    return `${f(percentile(total, 50))} / ${f(percentile(total, 95))} (${median("app")}+${median("postgres")})`;
  };
  console.log(
    `  ${"class".padEnd(12)} ${"n".padStart(4)}  ${"CPU/search p50 / p95 (app+db)".padEnd(32)} ${"1 client p50 / p95".padEnd(19)} ${"8 clients p50 / p95".padEnd(20)} ${"req/s".padStart(6)}  top-10`,
  );
  const line = (label: string, idx: number[], concurrent: Awaited<ReturnType<typeof runPass>>) => {
    const cpus = cpuOf(idx);
    const total = cpus.map(cpuTotal);
    const scores = label === "all" ? [...quality.values()].flat() : (quality.get(label as BenchClass) ?? []);
    const cpuText = cpus.length ? cpuColumn(cpus) : "n/a (no /proc)";
    const lat = idx.map((i) => serial.latencies[i]!);
    console.log(
      `  ${label.padEnd(12)} ${String(idx.length).padStart(4)}  ${cpuText.padEnd(32)} ${`${f(percentile(lat, 50))} / ${f(percentile(lat, 95))} ms`.padEnd(19)} ${`${f(percentile(concurrent.latencies, 50))} / ${f(percentile(concurrent.latencies, 95))} ms`.padEnd(20)} ${(concurrent.latencies.length / concurrent.seconds).toFixed(1).padStart(6)}  ${scores.length ? `${(10 * mean(scores)).toFixed(1)}/10 (min ${(10 * Math.min(...scores)).toFixed(0)}, ${scores.length} q)` : "-"}`,
    );
    return { cpu: total, lat, concurrent };
  };
  const results = [...byClass].map(([c, { idx, concurrent }]) => ({ c, ...line(c, idx, concurrent) }));
  line("all", all, whole);
  if (serial.floor.length) {
    console.log(
      `  ${"floor".padEnd(12)} ${String(serial.floor.length).padStart(4)}  ${cpuColumn(serial.floor).padEnd(32)} GET /api/v1/me after each search: the framework, the token and the actor, nothing else`,
    );
  }
  const { cached, all: made } = serial.estimates;
  console.log(
    `\n  planner estimates (cached by statistics version): ${cached} of ${made} reused in the one-client pass (${made ? ((100 * cached) / made).toFixed(0) : "-"}%), ${(made / queries.length).toFixed(2)} per search, after the warm-up draw`,
  );
  const totals = queries.map((_, i) => serial.answers[i]!);
  console.log(
    `\n  exact totals: ${totals.filter((t) => t.totalExact).length} of ${totals.length}; "1,000+": ${totals.filter((t) => !t.totalExact).length}`,
  );
  console.log(
    `  champion lists: ${listsBuilt} built after the warm-up in ${buildSeconds.toFixed(1)} s (${listsBuilt ? ((1000 * buildSeconds) / listsBuilt).toFixed(0) : "-"} ms each); measured broad searches by relevance that found one: ${servedByList} of ${broadByRelevance}`,
  );
  console.log(
    `  below 8/10 against the exact ranking: ${below.map((b) => `${b.c} "${b.q}" ${Math.round(b.score * b.k)}/${b.k}`).join(", ") || "none"}`,
  );
  console.log("  slowest searches by CPU (app+db):");
  for (const i of all
    .filter((i) => serial.cpus[i])
    .sort((a, b) => cpuTotal(serial.cpus[b]!) - cpuTotal(serial.cpus[a]!))
    .slice(0, 8)) {
    console.log(
      `  ${`${f(cpuTotal(serial.cpus[i]!))} ms`.padStart(9)} ${classOf[i]!.padEnd(12)} ?${decodeURIComponent(queries[i]!.params.toString()).slice(0, 90)}`,
    );
  }

  if (flags.explain) await explainSlowest(queries, serial.latencies, url, secret);

  console.log("");
  const verdicts: [string, boolean][] = [];
  for (const r of results) {
    if (r.cpu.length) {
      verdicts.push([
        `${r.c}: CPU/search p50 ${f(percentile(r.cpu, 50))} <= ${TARGET_CPU_P50} ms, p95 ${f(percentile(r.cpu, 95))} <= ${TARGET_CPU_P95} ms`,
        percentile(r.cpu, 50) <= TARGET_CPU_P50 && percentile(r.cpu, 95) <= TARGET_CPU_P95,
      ]);
    }
    const scores = quality.get(r.c);
    if (scores?.length)
      verdicts.push([
        `${r.c}: top-10 overlap ${(10 * mean(scores)).toFixed(1)} >= 8/10`,
        mean(scores) >= 0.8,
      ]);
  }
  const p95one = percentile(serial.latencies, 95);
  const p95eight = percentile(whole.latencies, 95);
  verdicts.push([`p95, 1 client ${f(p95one)} < ${TARGET_P95_ONE} ms`, p95one < TARGET_P95_ONE]);
  verdicts.push([
    `p95, ${CLIENTS} clients ${f(p95eight)} < ${TARGET_P95_EIGHT} ms`,
    p95eight < TARGET_P95_EIGHT,
  ]);
  for (const [text, ok] of verdicts) console.log(`  ${ok ? "PASS" : "FAIL"}  ${text}`);
  if (verdicts.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  await handle.close();
  if (admin) {
    if (!flags.keep) await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

function cpuTotal(c: CpuSplit) {
  return c.app + c.postgres;
}

/**
 * `--explain`: the SQL of the slowest searches, captured by running the endpoint's own handler in this process
 * on a drizzle instance that logs its statements, and replayed as EXPLAIN ANALYZE (search-sql.ts): where the
 * database's time goes, statement by statement.
 */
async function explainSlowest(queries: BenchQuery[], latencies: number[], url: string, secret: string) {
  const slowest = queries
    .map((q, i) => ({ q, ms: latencies[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 12);
  console.log("\n  slowest searches, their statements (planning + execution, EXPLAIN ANALYZE):");
  await explainSearches(
    slowest.map(({ q }) => q),
    url,
    secret,
  );
}

/** Each search's statements with their planning + execution time (EXPLAIN ANALYZE), and their sum. */
async function explainSearches(queries: BenchQuery[], url: string, secret: string) {
  const log: Statement[] = [];
  const logging = loggingHandle(dbUrl, log);
  setDatabaseHandle(logging);
  const explainClient = new pg.Client({ connectionString: dbUrl });
  await explainClient.connect();
  for (const q of queries) {
    const statements = await captureStatements(searchAssetsRoute.handler, log, `${url}?${q.params}`, secret);
    const timed: RequestSql = await explainRequest(explainClient, statements, SEARCH_SETTINGS);
    if (process.env.BENCH_DUMP)
      fs.appendFileSync(
        process.env.BENCH_DUMP,
        JSON.stringify({ q: q.params.toString(), statements }) + "\n",
      );
    console.log(
      `  ${ms(timed.ms).padStart(9)} ${q.kind.padEnd(8)} ?${decodeURIComponent(q.params.toString()).slice(0, 90)}`,
    );
    for (const st of timed.statements)
      console.log(
        `      ${ms(st.planningMs + st.executionMs).padStart(9)} (plan ${ms(st.planningMs).padStart(8)}) ${st.text.replace(/\s+/g, " ").slice(0, 100)}`,
      );
  }
  await explainClient.end();
  await logging.close();
}
