/**
 * `npm run bench:rooms`: buyer-room beacon ingestion against real PostgreSQL and the production server.
 * Creates a database (on BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL; dropped afterwards), seeds
 * the demo workspace, starts `next start` from the production build (built first when the sources are
 * newer), signs in as the demo rep, creates a deal and a room with three assets through the API, opens
 * the room as `--visitors` buyers (each gets its visit cookie), then sends beacons on the public endpoint
 * at `--rate` beacons a second (open loop: each is sent on schedule whatever the answers before it, so
 * a slow server shows as latency, not as a lower rate) for `--seconds`. Each beacon carries `--events`
 * page-time events of 1 s and a visitor beacons about once a second, under the page's per-visit limit.
 *
 * Reports latency percentiles of acknowledged beacons (204), the achieved rate, the server's CPU per
 * beacon and PostgreSQL's (from /proc/<pid>/stat), the server's RSS at start, middle and end, then checks
 * that nothing acknowledged was lost: the room's rollup (analytics_room_assets.read_ms) and the raw page
 * time must each hold at least acknowledged beacons x events x 1 s (more only if a beacon the bench gave up
 * on was stored after all). Exits 1 when p95 >= 20 ms, the rate falls
 * short by more than 2 %, or anything acknowledged is missing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIfNeeded } from "../lib/build-if-needed";
import { cpuBetween, cpuReading } from "./process-cpu";

const { values: flags } = parseArgs({
  options: {
    rate: { type: "string", default: "1000" },
    seconds: { type: "string", default: "60" },
    visitors: { type: "string" },
    events: { type: "string", default: "1" },
    port: { type: "string", default: "3291" },
    // Writes the server's V8 CPU profile (.cpuprofile) to this folder when it stops.
    profile: { type: "string" },
  },
});
const RATE = Number(flags.rate);
const SECONDS = Number(flags.seconds);
const EVENTS = Number(flags.events);
// Each visitor beacons about every 1.25 s: under the page's limit of 60 a minute per visit.
const VISITORS = Number(flags.visitors ?? Math.ceil(RATE * 1.25));
const PORT = Number(flags.port);
const EVENT_MS = 1000;
const TARGET_P95_MS = 20;
const REQUEST_TIMEOUT_MS = 10_000;
for (const [name, v] of Object.entries({ RATE, SECONDS, EVENTS, VISITORS, PORT }))
  if (!Number.isInteger(v) || v < 1)
    throw new Error(`--${name.toLowerCase()} must be a positive whole number`);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!serverUrl) throw new Error("Set DATABASE_URL (or BENCH_DATABASE_URL) to a PostgreSQL server");
const baseUrl = `http://127.0.0.1:${PORT}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
// A desktop browser: the bot rule ignores anything that looks like a script.
const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${urlPath}`,
      { method, agent, headers: { "user-agent": BROWSER, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    // A beacon unanswered this long counts as not acknowledged, so an overloaded server ends the run.
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    req.end(opts.body);
  });
}

const cookiesOf = (a: Answer) => (a.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!);

async function signInAsRep(): Promise<string> {
  const csrf = await request("GET", "/api/auth/csrf");
  const jar = cookiesOf(csrf);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({
    csrfToken,
    email: "rick.rep@northwind.test",
    password: "baton-demo",
    json: "true",
  });
  const signIn = await request("POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: form.toString(),
  });
  const session = [...jar, ...cookiesOf(signIn)].join("; ");
  const me = await request("GET", "/api/v1/me", { headers: { cookie: session } });
  if (me.status !== 200) throw new Error(`Signing in as the demo rep failed (${me.status})`);
  return session;
}

async function api<T>(session: string, method: string, urlPath: string, body?: unknown): Promise<T> {
  const answer = await request(method, urlPath, {
    headers: {
      cookie: session,
      "sec-fetch-site": "same-origin",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (answer.status >= 300) throw new Error(`${method} ${urlPath} answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as T;
}

/** RSS of the largest process in the server's tree (the Next server itself), in MB. */
function serverRss(pids: number[]): { pid: number; mb: number } {
  let best = { pid: 0, mb: 0 };
  for (const pid of pids) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      if (kb / 1024 > best.mb) best = { pid, mb: kb / 1024 };
    } catch {
      // Gone.
    }
  }
  return best;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);

const dbName = `rooms_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-rooms-"));
let server: ChildProcess | undefined;
let failed = false;
const loadBefore = os.loadavg();
// Interrupted (Ctrl-C, a timeout): still stop the server and drop the database.
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    server?.kill("SIGTERM");
    void admin.query(`drop database if exists ${dbName} with (force)`).finally(() => process.exit(130));
  });
try {
  buildIfNeeded(root);
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    PORT: String(PORT),
    // As behind one proxy: each simulated buyer comes from its own address (x-forwarded-for), so the
    // per-address limit on opening a room applies to each of them, not to the bench as a whole.
    TRUSTED_PROXY_HOPS: "1",
    // A web-only instance, as in the two-instance deployment: the freshly seeded files (about 160) would
    // otherwise be processed by this server during the beacon phase, adding PDF rendering's CPU and
    // memory to what is measured.
    JOB_WORKERS: "off",
  };
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (seed.status !== 0) throw new Error("Seeding the demo workspace failed");
  server = spawn(
    process.execPath,
    [
      ...(flags.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(flags.profile)}`] : []),
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(PORT),
    ],
    {
      cwd: root,
      env,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const serverPid = server.pid!;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}`);
    const ok = await request("GET", "/signin").then(
      (a) => a.status === 200,
      () => false,
    );
    if (ok) break;
    if (i > 120) throw new Error("The server did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 500));
  }

  // A deal and a room with three assets, made through the API as the rep.
  const session = await signInAsRep();
  const stages = await api<{ data: { id: string }[] }>(session, "GET", "/api/v1/stages");
  const deal = await api<{ id: string }>(session, "POST", "/api/v1/deals", {
    name: "Bench rollout",
    accountName: "Bench Clinics",
    amount: 10000,
    stageId: stages.data[1]!.id,
  });
  const assets = await api<{ items: { id: string }[] }>(
    session,
    "GET",
    "/api/v1/assets?limit=3&record=false&facets=false",
  );
  const room = await api<{ id: string; url: string }>(session, "POST", `/api/v1/deals/${deal.id}/rooms`, {
    title: "Bench room",
    assetIds: assets.items.slice(0, 3).map((a) => a.id),
  });
  const roomPath = new URL(room.url).pathname;

  // The buyers open the room: one visit (and cookie) each.
  const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const visitors: { cookie: string; address: string }[] = [];
  for (let i = 0; i < VISITORS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, VISITORS - i) }, (_, j) =>
        request("GET", roomPath, { headers: { "x-forwarded-for": addressOf(i + j) } }),
      ),
    );
    batch.forEach((page, j) => {
      if (page.status !== 200) throw new Error(`Opening the room answered ${page.status}`);
      visitors.push({ cookie: cookiesOf(page).join("; "), address: addressOf(i + j) });
    });
  }
  // The buyer's page names each asset by its place in the room (data-n), as its beacons do.
  const firstPage = await request("GET", roomPath, {
    headers: { cookie: visitors[0]!.cookie, "x-forwarded-for": visitors[0]!.address },
  });
  const positions = [...firstPage.body.matchAll(/data-n="(\d+)"/g)].map((m) => Number(m[1]));
  if (positions.length === 0) throw new Error("The room page shows no assets");
  console.log(
    `Room ${room.id} with ${positions.length} assets; ${visitors.length} visitors; ${RATE} beacons/s x ${EVENTS} event(s) for ${SECONDS} s`,
  );

  const treePids = () =>
    [...(cpuReading(serverPid, dbName) ?? new Map()).entries()]
      .filter(([, v]) => v.side === "app")
      .map(([pid]) => pid);
  const rss = { start: serverRss(treePids()), middle: { pid: 0, mb: 0 }, end: { pid: 0, mb: 0 } };
  // RSS every second: V8 grows its heap in steps before collecting, so three readings cannot tell a
  // heap settling at its size from a leak; the peak of each half of the run can.
  const rssSeries: number[] = [];
  const rssTimer = setInterval(() => rssSeries.push(serverRss(treePids()).mb), 1000);
  const cpuBefore = cpuReading(serverPid, dbName);

  // Open loop: beacon k is due at start + k / RATE, sent then, answered whenever.
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let acknowledged = 0;
  let sent = 0;
  let errors = 0;
  const total = RATE * SECONDS;
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const beaconBody = (k: number) =>
    JSON.stringify({
      visibleMs: Math.max(2000, EVENTS * EVENT_MS),
      events: Array.from({ length: EVENTS }, (_, e) => ({
        a: positions[(k + e) % positions.length]!,
        p: 1,
        ms: EVENT_MS,
      })),
    });
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE));
      for (; sent < due; sent++) {
        const k = sent;
        const t0 = performance.now();
        const p = request("POST", `${roomPath}/beacon`, {
          headers: {
            cookie: visitors[k % visitors.length]!.cookie,
            "x-forwarded-for": visitors[k % visitors.length]!.address,
            "content-type": "application/json",
          },
          body: beaconBody(k),
        }).then(
          (a) => {
            statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
            if (a.status === 204) {
              acknowledged += 1;
              latencies.push(performance.now() - t0);
            }
          },
          () => void (errors += 1), // network error or timeout: not acknowledged
        );
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
      if (sent >= total / 2 && rss.middle.pid === 0) rss.middle = serverRss(treePids());
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(inFlight);
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuReading(serverPid, dbName);
  clearInterval(rssTimer);
  rss.end = serverRss(treePids());
  const half = Math.floor(rssSeries.length / 2);
  const peakOf = (mbs: number[]) => Math.max(0, ...mbs);
  const rssPeaks = { first: peakOf(rssSeries.slice(0, half)), second: peakOf(rssSeries.slice(half)) };

  // Nothing acknowledged lost: the rollup and the raw page time both hold every acknowledged event.
  const bench = new pg.Client({ connectionString: dbUrl.toString() });
  await bench.connect();
  const { rows } = await bench.query<{ rollup: string; raw: string; readers: number; visits: number }>(
    `select
       (select coalesce(sum(read_ms), 0) from analytics_room_assets where room_id = $1) as rollup,
       (select coalesce(sum(d.dwell_ms), 0) from room_page_dwell d join room_visits v on v.id = d.visit_id
         where v.room_id = $1) as raw,
       (select coalesce(max(readers), 0) from analytics_room_assets where room_id = $1) as readers,
       (select count(*)::int from room_visits where room_id = $1 and engaged_at is not null) as visits`,
    [room.id],
  );
  await bench.end();
  const expected = acknowledged * EVENTS * EVENT_MS;
  const sorted = latencies.sort((a, b) => a - b);
  const cpu = cpuBefore && cpuAfter ? cpuBetween(cpuBefore, cpuAfter) : null;
  const p95 = percentile(sorted, 95);
  // What the server kept up with: acknowledged beacons over the time until the last was answered (an
  // overloaded server answers the backlog long after the sending stopped).
  const achieved = acknowledged / wallSeconds;

  console.log(
    `\nBeacon ingestion, ${new Date().toISOString()}, load average before: ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`,
  );
  row("beacons sent / acknowledged (204)", `${sent} / ${acknowledged}`);
  row(
    "answers",
    [...statuses].map(([s, n]) => `${s}: ${n}`).join(", ") +
      (errors ? `, timeouts/network errors: ${errors}` : ""),
  );
  row(
    "achieved rate",
    `${achieved.toFixed(0)} beacons/s (${(achieved * EVENTS).toFixed(0)} events/s): sent over ${sendSeconds.toFixed(1)} s, all answered after ${wallSeconds.toFixed(1)} s`,
  );
  row(
    "latency p50 / p95 / p99 / max",
    `${percentile(sorted, 50).toFixed(1)} / ${p95.toFixed(1)} / ${percentile(sorted, 99).toFixed(1)} / ${(sorted.at(-1) ?? NaN).toFixed(1)} ms`,
  );
  if (cpu) {
    row(
      "server CPU per beacon",
      `${(cpu.app / sent).toFixed(3)} ms (${((cpu.app / 1000 / wallSeconds) * 100).toFixed(0)}% of a core)`,
    );
    row(
      "PostgreSQL CPU per beacon",
      `${(cpu.postgres / sent).toFixed(3)} ms (${((cpu.postgres / 1000 / wallSeconds) * 100).toFixed(0)}% of a core)`,
    );
  }
  row(
    "server RSS start / middle / end",
    `${rss.start.mb.toFixed(0)} / ${rss.middle.mb.toFixed(0)} / ${rss.end.mb.toFixed(0)} MB (pid ${rss.end.pid})`,
  );
  row(
    "server RSS peak, 1st / 2nd half",
    `${rssPeaks.first.toFixed(0)} / ${rssPeaks.second.toFixed(0)} MB (${rssPeaks.second - rssPeaks.first > 0.1 * rssPeaks.first ? "still growing" : "levelled off"})`,
  );
  row(
    "rollup read time",
    `${rows[0]!.rollup} ms (expected ${expected}); raw page time ${rows[0]!.raw} ms; ${rows[0]!.visits} engaged visits`,
  );
  const lost = Number(rows[0]!.rollup) < expected || Number(rows[0]!.raw) < expected;
  const verdicts = {
    [`p95 < ${TARGET_P95_MS} ms`]: p95 < TARGET_P95_MS,
    [`rate >= 98% of ${RATE}/s`]: achieved >= RATE * 0.98,
    "nothing acknowledged lost": !lost,
  };
  for (const [what, ok] of Object.entries(verdicts)) row(what, ok ? "PASS" : "FAIL");
  failed = Object.values(verdicts).some((ok) => !ok);
} finally {
  agent.destroy();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
