import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetVersions } from "@/db/schema";
import {
  parseRange,
  previewPageResponse,
  thumbnailResponse,
  videoStreamResponse,
} from "@/server/assets/asset-media";
import { uploadFromRequest } from "../support/uploads";
import { processFile } from "@/server/files/process-file";
import { getStorage } from "@/server/storage";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { pdfWith } from "../files/fixtures";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

async function upload(title: string, name: string, bytes: Uint8Array, status: "draft" | "published") {
  const form = new FormData();
  form.append("metadata", JSON.stringify({ title, type: "deck", stageIds: [ws.stages[0]!.id], status }));
  form.append("file", new Blob([bytes as BlobPart]), name);
  const marketer = await ws.actor(ws.people.marketer);
  const asset = await uploadFromRequest(
    handle.db,
    marketer,
    new Request("http://localhost/api/v1/assets", { method: "POST", body: form }),
  );
  const [v] = await handle.db
    .select({ fileId: assetVersions.fileId })
    .from(assetVersions)
    .where(eq(assetVersions.id, asset.currentVersionId));
  await processFile(handle.db, getStorage(), v!.fileId, { finalAttempt: true });
  return asset;
}

describe("viewer media", () => {
  it("serves rendered pages and thumbnails inline as WebP, only to those who may see the asset", async () => {
    const draft = await upload("Draft deck", "deck.pdf", await pdfWith("Draft pricing"), "draft");
    const marketer = await ws.actor(ws.people.marketer);
    const page = await previewPageResponse(handle.db, marketer, draft.id, 1);
    expect(page.headers.get("content-type")).toBe("image/webp");
    expect(page.headers.get("content-disposition")).toBe("inline");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("content-security-policy")).toContain("sandbox");
    const bytes = new Uint8Array(await page.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(8, 12))).toBe("WEBP");
    expect((await thumbnailResponse(handle.db, marketer, draft.id)).status).toBe(200);

    const rep = await ws.actor(ws.people.rep);
    await expect(previewPageResponse(handle.db, rep, draft.id, 1)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(thumbnailResponse(handle.db, rep, draft.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(previewPageResponse(handle.db, marketer, draft.id, 2)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("streams video with byte ranges so the player can seek", async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d, 0, 0, 2, 0]);
    const video = await upload("Demo video", "demo.mp4", bytes, "published");
    const rep = await ws.actor(ws.people.rep);
    const whole = await videoStreamResponse(handle.db, rep, video.id, null);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-disposition")).toBe("inline");
    const part = await videoStreamResponse(handle.db, rep, video.id, "bytes=100-199");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 100-199/4096");
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect((await videoStreamResponse(handle.db, rep, video.id, "bytes=5000-")).status).toBe(416);
  });

  it("parses the Range forms browsers send", () => {
    expect(parseRange(null, 1000)).toBeNull();
    expect(parseRange("bytes=0-", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=10-19", 1000)).toEqual({ start: 10, end: 19 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("items=1-2", 1000)).toBeNull();
  });
});
