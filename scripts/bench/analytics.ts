/**
 * `npm run bench:analytics`: loads 100,000 deals, 1,000,000 usages and 5,000,000 view/download events into
 * a fresh PostgreSQL database (BENCH_DATABASE_URL or TEST_DATABASE_URL names the server), then times the
 * dashboard's queries: the asset list sorted by lift and one asset's detail over HTTP (the /api/v1 route
 * handlers behind a node:http server in this process), and the overview and asset x stage heatmap as the
 * page calls them. Prints p50/p95 of each, and how long the rollups take to absorb 10,000 new events and
 * 10,000 new usages. BENCH_SCALE (default 1) scales every count; --runs sets the timed runs per query.
 * BENCH_REUSE=<database> times an already loaded database (one kept with BENCH_KEEP=1) instead of loading a
 * new one; pending migrations (and their backfills) are applied to it first.
 */
import http from "node:http";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pg from "pg";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "20" } } });
const RUNS = Number(args.runs);
const SCALE = Number(process.env.BENCH_SCALE ?? "1");
const DEALS = Math.round(100_000 * SCALE);
const USAGES = Math.round(1_000_000 * SCALE);
const EVENTS = Math.round(5_000_000 * SCALE);
const ASSETS = 1_000;
const REPS = 200;
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server URL");

// Loaded through require for the same CommonJS interop reason as bench:upload (next-auth in the API layer).
const load = createRequire(import.meta.url);
const { openDatabase, setDatabaseHandle } = load("../../db/client") as typeof import("../../db/client");
const routes = load(
  "../../server/api/routes/analytics",
) as typeof import("../../server/api/routes/analytics");
const analytics = {
  ...(load(
    "../../server/analytics/asset-analytics",
  ) as typeof import("../../server/analytics/asset-analytics")),
  ...(load(
    "../../server/analytics/overview-queries",
  ) as typeof import("../../server/analytics/overview-queries")),
  ...(load("../../server/analytics/stage-heatmap") as typeof import("../../server/analytics/stage-heatmap")),
  ...(load(
    "../../server/analytics/library-health",
  ) as typeof import("../../server/analytics/library-health")),
};
const { loadActor } = load("../../server/authz/actor") as typeof import("../../server/authz/actor");
const { createApiToken } = load(
  "../../server/tokens/token-service",
) as typeof import("../../server/tokens/token-service");
const { createWorkspace } = load(
  "../../server/workspaces/create-workspace",
) as typeof import("../../server/workspaces/create-workspace");

const reuse = process.env.BENCH_REUSE;
const dbName = reuse ?? `baton_bench_analytics_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
if (!reuse) await admin.query(`create database ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const handle = await openDatabase({ driver: "postgres", url: url.toString(), max: 8 });
setDatabaseHandle(handle);
const db = handle.db;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

async function loadData(): Promise<string> {
  const { workspace } = await createWorkspace(db, { name: "Bench", slug: `bench-${process.pid}` });
  const ws = workspace.id;
  await timed(`load ${REPS} reps, ${ASSETS} assets, ${DEALS} deals`, async () => {
    await db.execute(sql`
      INSERT INTO users (workspace_id, email, name, role, team)
      SELECT ${ws}, 'rep' || g || '@bench.test', 'Rep ' || g, 'rep', 'Team ' || (g % 8)
        FROM generate_series(1, ${REPS}::int) g`);
    await db.execute(sql`
      INSERT INTO users (workspace_id, email, name, role) VALUES (${ws}, 'marketer@bench.test', 'Marketer', 'marketer')`);
    await db.execute(sql`
      INSERT INTO assets (workspace_id, type, title, owner_id, status, published_at)
      SELECT ${ws}, (ARRAY['deck','case_study','roi_model','battlecard','one_pager']::asset_type[])[1 + g % 5],
             'Asset ' || g, (SELECT id FROM users WHERE email = 'marketer@bench.test'), 'published',
             now() - (g % 700) * interval '1 day'
        FROM generate_series(1, ${ASSETS}::int) g`);
    await db.execute(sql`
      CREATE TABLE bench_reps AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users
       WHERE workspace_id = ${ws} AND role = 'rep'`);
    await db.execute(sql`
      CREATE TABLE bench_stages AS SELECT row_number() OVER (ORDER BY position) AS n, id, position
        FROM buying_stages WHERE workspace_id = ${ws}`);
    await db.execute(sql`
      INSERT INTO deals (workspace_id, name, account_name, amount_minor, stage_id, status, closed_at, owner_id)
      SELECT ${ws}, 'Deal ' || g, 'Account ' || (g % 5000), (1000 + (g * 7919) % 99000) * 100, s.id,
             CASE WHEN g % 10 < 4 THEN 'open' WHEN (g * 31) % 100 < 45 THEN 'won' ELSE 'lost' END::deal_status,
             CASE WHEN g % 10 < 4 THEN NULL ELSE now() - ((g * 13) % 365) * interval '1 day' END,
             r.id
        FROM generate_series(1, ${DEALS}::int) g
        JOIN bench_stages s ON s.n = 1 + g % (SELECT count(*) FROM bench_stages)
        JOIN bench_reps r ON r.n = 1 + g % ${REPS}`);
    await db.execute(sql`
      CREATE TABLE bench_deals AS SELECT row_number() OVER (ORDER BY id) AS n, id, stage_id FROM deals
       WHERE workspace_id = ${ws}`);
    await db.execute(sql`
      CREATE TABLE bench_assets AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM assets
       WHERE workspace_id = ${ws}`);
    await db.execute(sql`CREATE INDEX ON bench_deals (n)`);
    await db.execute(sql`CREATE INDEX ON bench_assets (n)`);
  });
  const batch = 100_000;
  await timed(`load ${USAGES} usages (rollups maintained by the triggers)`, async () => {
    for (let start = 0; start < USAGES; start += batch) {
      // Fresh statistics before each batch: the triggers' joins are planned from them, and a plan made
      // while the rollups were empty made the first batch of the full scale take minutes.
      await db.execute(sql`ANALYZE`);
      await db.execute(sql`
        INSERT INTO asset_usages (workspace_id, asset_id, deal_id, stage_id, actor_id, created_at)
        SELECT ${ws}, a.id, d.id, d.stage_id, r.id, now() - ((g * 17) % 365) * interval '1 day'
          FROM generate_series(${start + 1}::int, ${Math.min(start + batch, USAGES)}::int) g
          JOIN bench_deals d ON d.n = 1 + (g * 7) % ${DEALS}
          JOIN bench_assets a ON a.n = 1 + ((g::bigint * g) % 9973 * 13 + g / 97) % ${ASSETS}
          JOIN bench_reps r ON r.n = 1 + g % ${REPS}`);
    }
  });
  await timed(`load ${EVENTS} view/download events`, async () => {
    for (let start = 0; start < EVENTS; start += 500_000) {
      await db.execute(sql`
        INSERT INTO activity_events (workspace_id, kind, asset_id, actor_id, created_at)
        SELECT ${ws}, CASE WHEN g % 3 = 0 THEN 'download' ELSE 'view' END::activity_kind, a.id, r.id,
               now() - ((g * 11) % 365) * interval '1 day'
          FROM generate_series(${start + 1}::int, ${Math.min(start + 500_000, EVENTS)}::int) g
          JOIN bench_assets a ON a.n = 1 + (g * 37) % ${ASSETS}
          JOIN bench_reps r ON r.n = 1 + g % ${REPS}`);
    }
  });
  await timed("VACUUM ANALYZE", () => db.execute(sql`VACUUM ANALYZE`));
  return ws;
}

try {
  await timed("migrate", () => handle.migrate());
  const ws = reuse
    ? (await db.execute<{ id: string }>(sql`SELECT id FROM workspaces WHERE slug LIKE 'bench-%'`)).rows[0]!.id
    : await loadData();
  // Tables a migration just created or backfilled have no statistics yet (autovacuum would get there).
  if (reuse) await timed("VACUUM ANALYZE", () => db.execute(sql`VACUUM ANALYZE`));

  const marketer = (
    await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE email = 'marketer@bench.test'`)
  ).rows[0]!.id;
  const actor = (await loadActor(db, marketer))!;
  const { secret } = await createApiToken(db, actor, "bench:analytics");
  const server = http.createServer((req, res) => {
    const u = new URL(req.url!, "http://localhost");
    const id = u.pathname.match(/^\/api\/v1\/analytics\/assets\/([^/]+)$/)?.[1];
    const route = id ? routes.getAssetAnalyticsRoute : routes.listAssetAnalyticsRoute;
    const request = new Request(`http://localhost${req.url}`, {
      headers: { authorization: String(req.headers.authorization) },
    });
    void route
      .handler(request, { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) })
      .then(async (r) => {
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(Buffer.from(await r.arrayBuffer()));
      })
      .catch((e: unknown) => res.destroy(e as Error));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as { port: number }).port;
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const get = async (path: string) => {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ data?: { assetId: string }[] }>;
  };
  const list = await get(`/api/v1/analytics/assets?from=${from}&sort=lift&limit=50`);
  const assetId = list.data![0]!.assetId;
  const stageId = (await db.execute<{ id: string }>(sql`SELECT id FROM bench_stages WHERE n = 2`)).rows[0]!
    .id;
  const filters = { from };
  const cases: [string, () => Promise<unknown>][] = [
    [
      "HTTP  GET /api/v1/analytics/assets?sort=lift",
      () => get(`/api/v1/analytics/assets?from=${from}&sort=lift`),
    ],
    [
      "HTTP  GET /api/v1/analytics/assets?stageId=…&sort=lift",
      () => get(`/api/v1/analytics/assets?from=${from}&stageId=${stageId}&sort=lift`),
    ],
    [
      "HTTP  GET /api/v1/analytics/assets/{id}",
      () => get(`/api/v1/analytics/assets/${assetId}?from=${from}`),
    ],
    [
      "page  overview (assets by lift + weekly trend + heatmap + health)",
      () =>
        Promise.all([
          analytics.listAssetAnalytics(db, ws, filters, "lift"),
          analytics.weeklyTrend(db, ws, filters),
          analytics.stageHeatmap(db, ws, filters),
          analytics.libraryHealth(db, ws),
        ]),
    ],
    ["page  asset x stage heatmap", () => analytics.stageHeatmap(db, ws, filters)],
  ];
  console.log(`\n${RUNS} runs each (after one warm-up):`);
  for (const [label, run] of cases) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]!;
    console.log(`${label}: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms`);
  }
  server.close();

  console.log("");
  await timed("rollups absorb 10,000 new events (one insert, triggers included)", () =>
    db.execute(sql`
      INSERT INTO activity_events (workspace_id, kind, asset_id, actor_id)
      SELECT ${ws}, 'view', a.id, r.id FROM generate_series(1, 10000) g
        JOIN bench_assets a ON a.n = 1 + g % ${ASSETS} JOIN bench_reps r ON r.n = 1 + g % ${REPS}`),
  );
  await timed("rollups absorb 10,000 new usages (one insert, triggers included)", () =>
    db.execute(sql`
      INSERT INTO asset_usages (workspace_id, asset_id, deal_id, stage_id, actor_id)
      SELECT ${ws}, a.id, d.id, d.stage_id, r.id FROM generate_series(1, 10000) g
        JOIN bench_deals d ON d.n = 1 + (g * 3) % ${DEALS} JOIN bench_assets a ON a.n = 1 + g % ${ASSETS}
        JOIN bench_reps r ON r.n = 1 + g % ${REPS}`),
  );
} finally {
  await handle.close();
  // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE; its name is printed.
  if (process.env.BENCH_KEEP === "1" || reuse) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
