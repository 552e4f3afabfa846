import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes, createHash } from "node:crypto";
import { Readable } from "node:stream";
// s3rver ships no type declarations; it is a real S3-compatible server that runs in-process.
// @ts-expect-error -- untyped module
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createS3Storage } from "@/server/storage/s3-storage";
import type { StorageDriver } from "@/server/storage";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-s3rver-"));
let server: { run(): Promise<{ port: number }>; close(): Promise<void> };
let storage: StorageDriver;

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [{ name: "baton-test" }],
  });
  const { port } = await server.run();
  storage = createS3Storage({
    bucket: "baton-test",
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readAll(body: Readable) {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("S3 storage driver against a real S3-compatible server", () => {
  it("streams a multi-part object in and reads the same bytes back", async () => {
    const bytes = randomBytes(19 * 1024 * 1024); // three 8 MB parts
    // Feed it in 1 MB chunks, as an upload stream would arrive.
    const chunks = Array.from({ length: 19 }, (_, i) =>
      bytes.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024),
    );
    await storage.put("ws/test/files/big", Readable.from(chunks), "application/octet-stream");
    const { body, size } = await storage.get("ws/test/files/big");
    expect(size).toBe(bytes.length);
    const back = await readAll(body);
    expect(createHash("sha256").update(back).digest("hex")).toBe(
      createHash("sha256").update(bytes).digest("hex"),
    );
  });

  it("reads a byte range, reporting the whole object's size", async () => {
    await storage.put("ws/test/files/range", Readable.from([Buffer.from("0123456789")]), "video/mp4");
    const { body, size } = await storage.get("ws/test/files/range", { start: 2, end: 5 });
    expect(size).toBe(10);
    expect((await readAll(body)).toString()).toBe("2345");
  });

  it("answers not_found for a missing key and after delete", async () => {
    await expect(storage.get("ws/test/files/missing")).rejects.toMatchObject({ code: "not_found" });
    await storage.put("ws/test/files/small", Readable.from([Buffer.from("hello")]), "text/plain");
    expect((await readAll((await storage.get("ws/test/files/small")).body)).toString()).toBe("hello");
    await storage.delete("ws/test/files/small");
    await expect(storage.get("ws/test/files/small")).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses keys that could escape their prefix", async () => {
    await expect(
      storage.put("../etc/passwd", Readable.from([Buffer.from("x")]), "text/plain"),
    ).rejects.toThrow(/unsafe storage key/);
    await expect(storage.get("ws/../../x")).rejects.toThrow(/unsafe storage key/);
  });
});
