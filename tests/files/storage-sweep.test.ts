import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
// s3rver ships no type declarations; it is a real S3-compatible server that runs in-process.
// @ts-expect-error -- untyped module
import S3rver from "s3rver";
import { S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { files } from "@/db/schema";
import { sweepOrphanedFiles } from "@/server/files/sweep-orphaned-files";
import { createLocalStorage } from "@/server/storage/local-storage";
import { createS3Storage } from "@/server/storage/s3-storage";
import type { StorageDriver } from "@/server/storage";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

const HOUR_AGO = new Date(Date.now() - 2 * 3600_000);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "baton-sweep-"));
let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const keyOf = () => `ws/${ws.workspace.id}/files/${randomUUID()}`;
const put = (storage: StorageDriver, key: string) =>
  storage.put(key, Readable.from([Buffer.from("bytes")]), "text/plain");
async function registerFile(key: string) {
  await handle.db.insert(files).values({
    workspaceId: ws.workspace.id,
    storageKey: key,
    originalName: "live.txt",
    mimeType: "text/plain",
    sizeBytes: 5,
    sha256: randomUUID(),
  });
}
const exists = async (storage: StorageDriver, key: string) =>
  storage.get(key).then(
    ({ body }) => (body.destroy(), true),
    () => false,
  );

describe("storage sweep on local disk", () => {
  const root = path.join(tmp, "local");
  const storage = createLocalStorage(root);
  const age = (key: string) => fs.utimesSync(path.join(root, key), HOUR_AGO, HOUR_AGO);

  it("removes old partial writes and old objects no row names; keeps live files and anything recent", async () => {
    const live = keyOf();
    const orphan = keyOf();
    const recentOrphan = keyOf();
    for (const key of [live, orphan, recentOrphan]) await put(storage, key);
    await registerFile(live);
    age(live);
    age(orphan);
    const stalePart = `${keyOf()}.${randomUUID()}.part`;
    const activePart = `${keyOf()}.${randomUUID()}.part`;
    fs.writeFileSync(path.join(root, stalePart), "half an upload");
    fs.writeFileSync(path.join(root, activePart), "still streaming");
    age(stalePart);

    const swept = await sweepOrphanedFiles(handle.db, storage);

    expect(swept).toEqual({ partialWrites: 1, orphans: 1 });
    expect(await exists(storage, live)).toBe(true);
    expect(await exists(storage, orphan)).toBe(false);
    expect(await exists(storage, recentOrphan)).toBe(true);
    expect(fs.existsSync(path.join(root, stalePart))).toBe(false);
    expect(fs.existsSync(path.join(root, activePart))).toBe(true);
  });

  it("leaves objects outside the upload folders (previews, thumbnails) alone", async () => {
    const preview = `previews/${randomUUID()}/page-1`;
    await put(storage, preview);
    age(preview);
    await sweepOrphanedFiles(handle.db, storage);
    expect(await exists(storage, preview)).toBe(true);
  });
});

describe("storage sweep on S3", () => {
  let server: { run(): Promise<{ port: number }>; close(): Promise<void> };
  let client: S3Client;
  let storage: StorageDriver;
  const aborted: string[] = [];
  const unfinished = () => [
    { Key: "ws/x/files/stale", UploadId: "stale-upload", Initiated: HOUR_AGO },
    { Key: "ws/x/files/active", UploadId: "active-upload", Initiated: new Date() },
  ];

  beforeAll(async () => {
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: path.join(tmp, "s3"),
      configureBuckets: [{ name: "baton-sweep" }],
    });
    const { port } = await server.run();
    client = new S3Client({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    // s3rver does not implement listing or aborting multipart uploads; answer those two calls here, the
    // way S3 does, so the driver's own paging and filtering are what is tested.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "ListMultipartUploadsCommand")
          return { output: { Uploads: unfinished(), IsTruncated: false, $metadata: {} }, response: {} };
        if (context.commandName === "AbortMultipartUploadCommand") {
          aborted.push((args.input as { UploadId: string }).UploadId);
          return { output: { $metadata: {} }, response: {} };
        }
        return next(args);
      },
      { step: "initialize" },
    );
    storage = createS3Storage({ bucket: "baton-sweep", region: "us-east-1" }, client);
  });
  afterAll(async () => {
    client.destroy();
    await server.close();
  });

  it("aborts multipart uploads started before the grace period, and deletes orphaned objects only", async () => {
    const live = keyOf();
    const orphan = keyOf();
    await put(storage, live);
    await put(storage, orphan);
    await registerFile(live);
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const swept = await sweepOrphanedFiles(handle.db, storage, 1);

    expect(aborted).toEqual(["stale-upload"]);
    expect(swept).toEqual({ partialWrites: 1, orphans: 1 });
    expect(await exists(storage, live)).toBe(true);
    expect(await exists(storage, orphan)).toBe(false);
  });
});
