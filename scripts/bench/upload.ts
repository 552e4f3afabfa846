/**
 * `npm run bench:upload`: writes a 1 GiB MP4 (an `ftyp` box, then random bytes) to a temp folder, then, for
 * each round, times a streamed copy of it on the same disk (the baseline) and POSTs it as multipart/form-data
 * over real HTTP to POST /api/v1/assets: the route's own handler behind a node:http server in this process,
 * authenticated with a marketer's API token, fed by upload-client.ts in a child process so the RSS sampled
 * here (every 20 ms) is the server's alone. Prints per-round and median throughput, peak RSS growth and
 * PASS/FAIL against issue #3's targets (growth under 100 MB, throughput within 2x of the disk copy), and
 * checks the stored object's size and SHA-256 against the source. `--mb <n>` / BENCH_UPLOAD_MB sets the size,
 * `--rounds <n>` / BENCH_UPLOAD_ROUNDS the rounds (3). PostgreSQL when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL, or DATABASE_URL) names a server, in a database created and dropped for the run; the
 * embedded database otherwise. MB here means 2^20 bytes.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createHash, randomFillSync } from "node:crypto";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import pg from "pg";

const MB = 1024 * 1024;
const TARGET_GROWTH_MB = 100;
const TARGET_RATIO = 2;

const { values: flags } = parseArgs({ options: { mb: { type: "string" }, rounds: { type: "string" } } });
const SIZE_MB = Number(flags.mb ?? process.env.BENCH_UPLOAD_MB ?? 1024);
if (!Number.isInteger(SIZE_MB) || SIZE_MB < 1) throw new Error("--mb must be a whole number of MB");
const SIZE = SIZE_MB * MB;
const ROUNDS = Number(flags.rounds ?? process.env.BENCH_UPLOAD_ROUNDS ?? 3);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error("--rounds must be a whole number");
const clientScript = fileURLToPath(new URL("./upload-client.ts", import.meta.url));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-upload-"));
const sourcePath = path.join(dir, "bench.mp4");
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
// env.ts reads the environment once, when first loaded: point storage at the temp folder and raise the
// upload limit for this process only, then load the app's modules. They are loaded through require because
// Node's ESM loader hands a CommonJS module's whole exports object to a default import, so next-auth's
// providers (imported by the API layer) would not be callable; require applies the same __esModule interop
// as Next's bundler.
process.env.DATA_DIR = path.join(dir, "data");
process.env.UPLOAD_MAX_BYTES = String(Math.max(SIZE + 64 * MB, 500 * MB));
const load = createRequire(import.meta.url);
const { openDatabase, setDatabaseHandle } = load("../../db/client") as typeof import("../../db/client");
const { assetVersions, files, users } = load("../../db/schema") as typeof import("../../db/schema");
const { createAsset } = load(
  "../../server/api/routes/assets",
) as typeof import("../../server/api/routes/assets");
const { loadActor } = load("../../server/authz/actor") as typeof import("../../server/authz/actor");
const { getStorage } = load("../../server/storage") as typeof import("../../server/storage");
const { createApiToken } = load(
  "../../server/tokens/token-service",
) as typeof import("../../server/tokens/token-service");
const { createWorkspace } = load(
  "../../server/workspaces/create-workspace",
) as typeof import("../../server/workspaces/create-workspace");

/** An MP4 `ftyp` box (what file-type recognises as video/mp4) followed by random filler; returns its SHA-256. */
async function writeSource(): Promise<string> {
  const out = fs.createWriteStream(sourcePath);
  const hash = createHash("sha256");
  const chunk = Buffer.alloc(MB);
  for (let offset = 0; offset < SIZE; offset += MB) {
    randomFillSync(chunk);
    if (offset === 0) {
      chunk.writeUInt32BE(24, 0);
      chunk.write("ftypisom", 4, "latin1");
      chunk.writeUInt32BE(512, 12);
      chunk.write("isommp41", 16, "latin1");
    }
    const copy = Buffer.from(chunk);
    hash.update(copy);
    if (!out.write(copy)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return hash.digest("hex");
}

async function openTarget() {
  const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!server)
    return {
      handle: await openDatabase({ driver: "pglite", dataDir: path.join(dir, "pglite") }),
      label: "PGlite (embedded)",
    };
  const name = `baton_bench_upload_${process.pid}`;
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

/** Runs `work` while sampling this process's RSS every 20 ms. */
async function measure<T>(work: () => Promise<T>) {
  global.gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds, baseline, peak, mbPerSecond: SIZE / MB / seconds };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A plain HTTP server in front of the route handler. Like Next's adapter, it hands the request's Node stream
 * to `Request` as the body (duplex: 'half'), which reads it only as the handler pulls.
 */
async function startServer() {
  const server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req,
      duplex: "half",
    } as unknown as RequestInit);
    void createAsset
      .handler(request, { params: Promise.resolve({}) })
      .then(async (response) => {
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "" });
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => res.destroy(error as Error));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}/api/v1/assets` };
}

/** Runs upload-client.ts in a child process against the server and returns its timing and answer. */
async function postFile(url: string, token: string, metadata: object) {
  const client = spawn(
    process.execPath,
    ["--import", "tsx", clientScript, url, token, sourcePath, JSON.stringify(metadata)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const output = client.stdout.toArray();
  const [code] = (await once(client, "exit")) as [number | null];
  const text = Buffer.concat(await output).toString("utf8");
  if (code !== 0) throw new Error(`The upload client exited with ${code}`);
  const answer = JSON.parse(text) as { seconds: number; status: number; body: string };
  if (answer.status !== 201) throw new Error(`Upload answered ${answer.status}: ${answer.body}`);
  return { seconds: answer.seconds, assetId: (JSON.parse(answer.body) as { id: string }).id };
}

async function sha256Of(stream: NodeJS.ReadableStream) {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(28)} ${value}`);
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

let drop: (() => Promise<void>) | undefined;
let close: (() => Promise<void>) | undefined;
let server: http.Server | undefined;
try {
  const sourceSha = await writeSource();
  console.log(`Generated ${sourcePath}: ${SIZE_MB} MB MP4`);

  const target = await openTarget();
  drop = target.drop;
  close = () => target.handle.close();
  const { db } = target.handle;
  await target.handle.migrate();
  setDatabaseHandle(target.handle);
  const { workspace, stages } = await createWorkspace(db, { name: "Bench", slug: `bench-${process.pid}` });
  const [user] = await db
    .insert(users)
    .values({
      workspaceId: workspace.id,
      email: `bench-${process.pid}@bench.test`,
      name: "Bench",
      role: "marketer",
    })
    .returning();
  const { secret } = await createApiToken(db, (await loadActor(db, user!.id))!, "bench:upload");
  const started = await startServer();
  server = started.server;
  console.log(
    `Database: ${target.label}; storage: local disk; Node ${process.version}, ${os.cpus().length} cores; ${ROUNDS} rounds\n`,
  );

  const rounds: { copyMbps: number; uploadMbps: number; baseline: number; peak: number }[] = [];
  let intact = true;
  for (let round = 1; round <= ROUNDS; round++) {
    const copyPath = path.join(dir, "copy.mp4");
    const copy = await measure(() =>
      pipeline(fs.createReadStream(sourcePath), fs.createWriteStream(copyPath)),
    );
    fs.rmSync(copyPath);

    const upload = await measure(() =>
      postFile(started.url, secret, {
        title: `Bench video ${round}`,
        type: "video",
        stageIds: [stages[0]!.id],
        allowDuplicate: true,
      }),
    );
    const uploadMbps = SIZE / MB / upload.result.seconds;

    const [stored] = await db
      .select({ storageKey: files.storageKey, sizeBytes: files.sizeBytes, sha256: files.sha256 })
      .from(assetVersions)
      .innerJoin(files, eq(files.id, assetVersions.fileId))
      .where(eq(assetVersions.assetId, upload.result.assetId));
    const object = await getStorage().get(stored!.storageKey);
    const objectSha = await sha256Of(object.body);
    const ok =
      object.size === SIZE &&
      stored!.sizeBytes === SIZE &&
      objectSha === sourceSha &&
      stored!.sha256 === sourceSha;
    intact &&= ok;
    // Later rounds should not pay for writing back this round's gigabyte.
    await getStorage().delete(stored!.storageKey);

    rounds.push({ copyMbps: copy.mbPerSecond, uploadMbps, baseline: upload.baseline, peak: upload.peak });
    row(
      `round ${round}`,
      `copy ${copy.mbPerSecond.toFixed(0)} MB/s; upload ${upload.result.seconds.toFixed(2)} s, ${uploadMbps.toFixed(0)} MB/s, ` +
        `RSS ${mb(upload.baseline)} -> peak ${mb(upload.peak)}; stored file ${ok ? "matches" : "DOES NOT MATCH"} the source`,
    );
  }

  const copyMbps = median(rounds.map((r) => r.copyMbps));
  const uploadMbps = median(rounds.map((r) => r.uploadMbps));
  const growth = Math.max(...rounds.map((r) => r.peak - r.baseline)) / MB;
  const ratio = copyMbps / uploadMbps;
  console.log("");
  row("file size", `${SIZE_MB} MB`);
  row("disk copy (median)", `${copyMbps.toFixed(0)} MB/s`);
  row("upload over HTTP (median)", `${uploadMbps.toFixed(0)} MB/s`);
  row("RSS before first upload", mb(rounds[0]!.baseline));
  row("peak RSS (any round)", mb(Math.max(...rounds.map((r) => r.peak))));
  row(
    "peak RSS growth (any round)",
    `${growth.toFixed(0)} MB (target < ${TARGET_GROWTH_MB} MB) ${verdict(growth < TARGET_GROWTH_MB)}`,
  );
  row(
    "copy / upload throughput",
    `${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x) ${verdict(ratio <= TARGET_RATIO)}`,
  );
  row("stored size and SHA-256", intact ? "match the source in every round" : "MISMATCH");
  if (!intact || growth >= TARGET_GROWTH_MB || ratio > TARGET_RATIO) process.exitCode = 1;
} finally {
  server?.close();
  await close?.();
  await drop?.();
}
