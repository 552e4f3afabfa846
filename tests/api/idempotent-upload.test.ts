import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assets } from "@/db/schema";
import { dataDir } from "@/env";
import { createAsset } from "@/server/api/routes/assets";
import { setJobQueue } from "@/server/jobs/job-queue";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let secret: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  setJobQueue(undefined);
  ws = await createTestWorkspace(handle.db);
  ({ secret } = await createApiToken(handle.db, await ws.actor(ws.people.marketer), "uploads"));
});
afterAll(() => handle.close());

/** A multipart body built by hand, so each test picks its own boundary. */
function upload(bytes: string, boundary: string, key: string) {
  const metadata = JSON.stringify({
    title: "Idempotent upload",
    type: "one_pager",
    stageIds: [ws.stages[0]!.id],
  });
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${metadata}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\n` +
    `Content-Type: text/plain\r\n\r\n${bytes}\r\n--${boundary}--\r\n`;
  return createAsset.handler(
    new Request("http://localhost/api/v1/assets", {
      method: "POST",
      body,
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "idempotency-key": key,
      },
    }),
    { params: Promise.resolve({}) },
  );
}

const storedFiles = () => {
  const dir = path.join(dataDir, "files", "ws", ws.workspace.id, "files");
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
};
const assetCount = async () =>
  (await handle.db.select({ n: count() }).from(assets).where(eq(assets.workspaceId, ws.workspace.id)))[0]!.n;

describe("Idempotency-Key on a multipart upload", () => {
  it("replays the first asset for the same parts sent with another boundary, keeping one file", async () => {
    const first = await upload("the same words", "boundary-one", "up-1");
    expect(first.status).toBe(201);
    const again = await upload("the same words", "another-boundary-two", "up-1");
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    expect(await assetCount()).toBe(1);
    expect(storedFiles()).toBe(1);
  });

  it("answers 409 for a different file of the same length with the same key, and keeps none of it", async () => {
    const first = await upload("aaaaaaaaaa", "b1", "up-2");
    expect(first.status).toBe(201);
    const [assetsBefore, filesBefore] = [await assetCount(), storedFiles()];
    const other = await upload("bbbbbbbbbb", "b1", "up-2");
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: { code: "idempotency_conflict" } });
    expect(await assetCount()).toBe(assetsBefore);
    expect(storedFiles()).toBe(filesBefore);
  });
});
