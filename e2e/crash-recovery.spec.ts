import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { apiTokenFor } from "./support/api-session";
import { deploymentEnv, seedDemo, startApp, startWorker, type AppProcess } from "./support/app-processes";
import { freePort, startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres";

/**
 * Crash tests with real processes and a real PostgreSQL: the production server (`next start`) is killed
 * with SIGKILL, or its own throwaway PostgreSQL cluster is stopped abruptly, in the middle of a burst of
 * usage POSTs with Idempotency-Keys; a client that retries each key until it gets a 2xx must end with
 * exactly one usage per key. A server killed mid-upload must leave nothing once the storage sweep ran.
 * The cluster is this spec's own (never the shared server), so it may be killed.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const BURST = 40;
const PARALLEL = 8;

let cluster: ThrowawayPostgres;
let db: pg.Client;
let env: NodeJS.ProcessEnv;
let app: AppProcess;
let port: number;
let secret: string;
let dealId: string;
let assetId: string;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-crash-"));

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startThrowawayPostgres();
  env = deploymentEnv(cluster.url, dataDir, { JOB_WORKERS: "off" });
  await seedDemo(env);
  port = await freePort();
  app = await startApp(env, port);
  secret = await apiTokenFor(app.url, "rep");
  const me = (await (await api("GET", "/api/v1/me")).json()) as { id: string };
  const deals = (await (await api("GET", "/api/v1/deals?status=open")).json()) as {
    data: { id: string; ownerId: string }[];
  };
  dealId = deals.data.find((deal) => deal.ownerId === me.id)!.id;
  const found = (await (await api("GET", "/api/v1/assets?facets=false&record=false")).json()) as {
    items: { id: string }[];
  };
  assetId = found.items[0]!.id;
  db = new pg.Client({ connectionString: cluster.url });
  db.on("error", () => undefined);
  await db.connect();
});

test.afterAll(async () => {
  await app?.kill();
  await db?.end().catch(() => undefined);
  await cluster?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function api(method: string, pathname: string, init: { body?: unknown; key?: string; token?: string } = {}) {
  return fetch(`${app.url}${pathname}`, {
    method,
    headers: {
      authorization: `Bearer ${init.token ?? secret}`,
      "content-type": "application/json",
      ...(init.key ? { "idempotency-key": init.key } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(20_000),
  });
}

/** One usage POST with its key: the status (0 when the connection failed) and the usage id if any. */
async function postUsage(key: string): Promise<{ status: number; id?: string }> {
  try {
    const res = await api("POST", `/api/v1/deals/${dealId}/usages`, {
      key,
      body: { assetId, kind: "sent", note: `burst ${key}` },
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return { status: res.status, id: body.id };
  } catch {
    return { status: 0 };
  }
}

/** Sends every key, PARALLEL at a time, and calls `midway` once a third of them have been answered. */
async function burst(keys: string[], midway: () => Promise<void>) {
  const results = new Map<string, { status: number; id?: string }>();
  let next = 0;
  let fired = false;
  const lane = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      results.set(key, await postUsage(key));
      if (!fired && results.size >= keys.length / 3) {
        fired = true;
        await midway();
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return results;
}

/** Retries each key until it gets a 2xx, as a client following the contract does; then counts rows. */
async function expectExactlyOnce(keys: string[], first: Map<string, { status: number; id?: string }>) {
  for (const key of keys) {
    let done: { status: number; id?: string } | undefined;
    for (let attempt = 0; attempt < 60 && !done; attempt++) {
      const result = await postUsage(key);
      if (result.status >= 200 && result.status < 300) done = result;
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(done, `Idempotency-Key ${key} completes`).toBeDefined();
    // An acknowledged usage is the one every retry gets back.
    if (first.get(key)?.status === 201) expect(done!.id).toBe(first.get(key)!.id);
  }
  const { rows } = await db.query<{ key: string; n: number }>(
    "select idempotency_key as key, count(*)::int as n from asset_usages where idempotency_key = any($1) group by 1",
    [keys],
  );
  expect(rows).toHaveLength(keys.length);
  expect(rows.filter((row) => row.n !== 1)).toEqual([]);
}

test("SIGKILL of the server mid-burst: every key completes on retry, each usage exists once", async () => {
  const keys = Array.from({ length: BURST }, (_, i) => `kill-${i}-${Date.now()}`);
  const first = await burst(keys, () => app.kill("SIGKILL"));
  const statuses = [...first.values()].map((r) => r.status);
  expect(statuses.filter((status) => status === 201).length, statuses.join()).toBeGreaterThan(0);
  expect(statuses.filter((status) => status === 0).length, statuses.join()).toBeGreaterThan(0);
  app = await startApp(env, port);
  await expectExactlyOnce(keys, first);
});

test("PostgreSQL stopped abruptly mid-burst: every key completes on retry, each usage exists once", async () => {
  const keys = Array.from({ length: BURST }, (_, i) => `pg-stop-${i}-${Date.now()}`);
  let restarted: Promise<void> = Promise.resolve();
  const first = await burst(keys, async () => {
    await cluster.stop();
    restarted = new Promise((resolve) => setTimeout(resolve, 2000)).then(() => cluster.start());
  });
  await restarted;
  await db.end().catch(() => undefined);
  db = new pg.Client({ connectionString: cluster.url });
  db.on("error", () => undefined);
  await db.connect();
  expect([...first.values()].filter((r) => r.status >= 500 || r.status === 0).length).toBeGreaterThan(0);
  await expectExactlyOnce(keys, first);
});

test("SIGKILL during a large upload: once the sweep ran there is no row and no file", async () => {
  const marketer = await apiTokenFor(app.url, "marketer");
  const stages = await db.query<{ id: string }>("select id from buying_stages limit 1");
  const boundary = "crash-upload-boundary";
  const metadata = JSON.stringify({ title: "Never finished", type: "deck", stageIds: [stages.rows[0]!.id] });
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${metadata}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="never-finished.txt"\r\n` +
      "Content-Type: text/plain\r\n\r\n",
  );
  const chunk = Buffer.alloc(1024 * 1024, 66);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A slow, endless file: the kill lands while it streams.
      if (sent > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      controller.enqueue(sent === 0 ? head : chunk);
      sent += 1;
    },
  });
  const upload = fetch(`${app.url}/api/v1/assets`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${marketer}`,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    body,
    duplex: "half",
  } as RequestInit).catch((error: unknown) => error);
  const filesRoot = path.join(dataDir, "files");
  const partials = () =>
    (fs.readdirSync(filesRoot, { recursive: true }) as string[]).filter((f) => f.endsWith(".part"));
  await expect.poll(() => sent > 30 && partials().length === 1, { timeout: 60_000 }).toBe(true);
  await app.kill("SIGKILL");
  expect(await upload).toBeInstanceOf(Error);
  expect(partials()).toHaveLength(1);

  const worker = await startWorker({ ...env, STORAGE_SWEEP_GRACE_SECONDS: "0" });
  try {
    await expect.poll(() => partials().length, { timeout: 60_000 }).toBe(0);
  } finally {
    await worker.kill("SIGTERM");
  }
  const rows = await db.query("select 1 from files where original_name = 'never-finished.txt'");
  expect(rows.rowCount).toBe(0);
  const orphans = await db.query<{ storage_key: string }>("select storage_key from files");
  const live = new Set(orphans.rows.map((row) => row.storage_key));
  const stored = (fs.readdirSync(filesRoot, { recursive: true }) as string[]).filter((f) =>
    /^ws\/[^/]+\/files\/[^/]+$/.test(f),
  );
  expect(stored.filter((key) => !live.has(key))).toEqual([]);
});
