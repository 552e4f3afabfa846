import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test } from "@playwright/test";
import pg from "pg";
// s3rver ships no type declarations; it is a real S3-compatible server that runs in-process.
// @ts-expect-error -- untyped module
import S3rver from "s3rver";
import { SMTPServer } from "smtp-server";
import { signedInClient } from "./support/api-session";
import { deploymentEnv, seedDemo, startApp, startWorker, type AppProcess } from "./support/app-processes";
import { freePort, startThrowawayPostgres, type ThrowawayPostgres } from "./support/throwaway-postgres";

/**
 * More than one instance, proved: two `next start` instances (JOB_WORKERS=off) and one `npm run worker`
 * share one PostgreSQL and one S3-compatible store (s3rver). They start together on an empty database,
 * so their migrations (and the seed's) race; a session made on one instance works on the other, and is
 * revoked on both by signing out of one; a file uploaded through one downloads through the other; the
 * worker processes it exactly once; two workers sweeping for due digests at once mail a person's digest once.
 */
test.describe.configure({ mode: "serial", timeout: 300_000 });

let cluster: ThrowawayPostgres;
let s3: { run(): Promise<{ port: number }>; close(): Promise<void> };
let db: pg.Client;
let a: AppProcess;
let b: AppProcess;
let worker: AppProcess;
let secondWorker: AppProcess;
let smtp: SMTPServer;
// Every message the SMTP server accepted, by recipient address.
const mailed: { to: string[]; subject: string }[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-two-"));

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startThrowawayPostgres();
  s3 = new S3rver({
    port: await freePort(),
    address: "127.0.0.1",
    silent: true,
    directory: path.join(dataDir, "s3"),
    configureBuckets: [{ name: "baton" }],
  });
  const { port: s3Port } = await s3.run();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "";
        mailed.push({ to: session.envelope.rcptTo.map((r) => r.address), subject });
        callback();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const env = deploymentEnv(cluster.url, path.join(dataDir, "app"), {
    JOB_WORKERS: "off",
    S3_BUCKET: "baton",
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    // Both workers look for due digests every two seconds, so their sweeps overlap.
    NOTIFICATION_SWEEP_SECONDS: "2",
  });
  const [portA, portB] = [await freePort(), await freePort()];
  // Both instances and the seed migrate the empty database at once; the migration lock serialises them.
  [a, b] = await Promise.all([startApp(env, portA), startApp(env, portB), seedDemo(env)]);
  [worker, secondWorker] = await Promise.all([startWorker(env), startWorker(env)]);
  db = new pg.Client({ connectionString: cluster.url });
  await db.connect();
});

test.afterAll(async () => {
  await Promise.all([
    a?.kill("SIGTERM"),
    b?.kill("SIGTERM"),
    worker?.kill("SIGTERM"),
    secondWorker?.kill("SIGTERM"),
  ]);
  await db?.end();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await s3?.close();
  await cluster?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("migrations raced safely: every migration applied once", async () => {
  const { rows } = await db.query<{ hash: string; n: number }>(
    "select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash",
  );
  const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as {
    entries: unknown[];
  };
  expect(rows).toHaveLength(journal.entries.length);
  expect(rows.filter((row) => row.n !== 1)).toEqual([]);
});

test("a session from one instance works on the other, and signing out of one revokes it on both", async () => {
  const onA = await signedInClient(a.url, "rep");
  const me = (await (await onA.get("/api/v1/me")).json()) as { id: string };
  const onB = await request.newContext({ baseURL: b.url, storageState: await onA.storageState() });
  const seenByB = await onB.get("/api/v1/me");
  expect(seenByB.status()).toBe(200);
  expect(((await seenByB.json()) as { id: string }).id).toBe(me.id);

  const stolen = await onA.storageState();
  const { csrfToken } = (await (await onB.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await onB.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);
  // The cookie as it was before signing out, replayed on the other instance, is refused.
  const replay = await request.newContext({ baseURL: a.url, storageState: stolen });
  expect((await replay.get("/api/v1/me")).status()).toBe(401);
  await Promise.all([onA.dispose(), onB.dispose(), replay.dispose()]);
});

test("a file uploaded through one instance downloads through the other; the worker processes it once", async () => {
  const onA = await signedInClient(a.url, "marketer");
  const stages = (await (await onA.get("/api/v1/stages")).json()) as { data: { id: string }[] };
  const bytes = Buffer.from(`Two instances, one store: ${Date.now()}\n`.repeat(200));
  const created = await onA.post("/api/v1/assets", {
    multipart: {
      metadata: JSON.stringify({ title: "Shared store", type: "one_pager", stageIds: [stages.data[0]!.id] }),
      file: { name: "shared-store.txt", mimeType: "text/plain", buffer: bytes },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  const onB = await signedInClient(b.url, "marketer");
  const download = await onB.get(`/api/v1/assets/${id}/download`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(bytes)).toBe(true);

  const processed = async () =>
    (
      await db.query<{ state: string; attempts: number }>(
        `select f.processing_state as state, f.processing_attempts as attempts
           from assets a join asset_versions v on v.id = a.current_version_id join files f on f.id = v.file_id
          where a.id = $1`,
        [id],
      )
    ).rows[0];
  await expect.poll(async () => (await processed())?.state, { timeout: 90_000 }).toBe("done");
  expect((await processed())!.attempts).toBe(1);
  await Promise.all([onA.dispose(), onB.dispose()]);
});

test("two workers sweeping at once mail a due digest once", async () => {
  const {
    rows: [rep],
  } = await db.query<{ id: string; email: string; workspace_id: string }>(
    "select id, email, workspace_id from users where email = 'rick.rep@northwind.test'",
  );
  expect(rep).toBeDefined();
  const digestsMailedToRep = () =>
    mailed.filter((m) => m.to.includes(rep!.email) && /^Baton: \d+ updates? for you$/.test(m.subject)).length;
  const mailedBefore = digestsMailedToRep();
  // The rep has something unread that no digest carried, and their daily digest is due.
  const {
    rows: [started],
  } = await db.query<{ at: Date }>(
    `with settings as (
       insert into notification_settings (user_id, digest, last_digest_at) values ($1, 'daily', null)
       on conflict (user_id) do update set digest = 'daily', last_digest_at = null
     ), note as (
       insert into notifications (workspace_id, recipient_id, kind, title, link, dedupe_key)
       values ($2, $1, 'request_update', 'Your request was answered', '/requests', 'two-workers-digest')
     )
     select now() as at`,
    [rep!.id, rep!.workspace_id],
  );
  const digests = async () =>
    (
      await db.query<{ status: string }>(
        "select status from outbound_emails where recipient_id = $1 and kind = 'digest' and created_at >= $2",
        [rep!.id, started!.at],
      )
    ).rows;
  await expect
    .poll(async () => (await digests()).map((d) => d.status), { timeout: 60_000 })
    .toEqual(["sent"]);
  // Several more sweeps of both workers later, still one row and one message.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(await digests()).toHaveLength(1);
  expect(digestsMailedToRep()).toBe(mailedBefore + 1);
  // Nobody got two digests from the sweeps that raced since the workers started.
  const { rows: twice } = await db.query(
    `select recipient_id from outbound_emails where kind = 'digest' and created_at < $1
      group by recipient_id having count(*) > 1`,
    [started!.at],
  );
  expect(twice).toEqual([]);
});
