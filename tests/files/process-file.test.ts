import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { files } from "@/db/schema";
import { previewPageKey, thumbnailKeyOf } from "@/server/files/preview-keys";
import { processFile } from "@/server/files/process-file";
import { createLocalStorage } from "@/server/storage/local-storage";
import type { StorageDriver } from "@/server/storage";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { docxWith, pdfWith, pngImage, pptxWith, xlsxWith } from "./fixtures";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let storage: StorageDriver;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "baton-processing-"));

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  storage = createLocalStorage(root);
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Stores bytes and a pending file row, as an upload leaves them. */
export async function storedFile(bytes: Uint8Array, mimeType: string, into = storage) {
  const storageKey = `ws/${ws.workspace.id}/files/${randomUUID()}`;
  await into.put(storageKey, Readable.from([Buffer.from(bytes)]), mimeType);
  const [row] = await handle.db
    .insert(files)
    .values({
      workspaceId: ws.workspace.id,
      storageKey,
      originalName: "fixture",
      mimeType,
      sizeBytes: bytes.byteLength,
      sha256: randomUUID().replaceAll("-", ""),
    })
    .returning();
  return row!;
}

async function reload(id: string) {
  const [row] = await handle.db.select().from(files).where(eq(files.id, id));
  return row!;
}

describe("file processing", () => {
  it("extracts a PDF's text and renders its pages and a thumbnail", async () => {
    const file = await storedFile(await pdfWith("Quarterly zebrafish retention uplift"), "application/pdf");
    expect(await processFile(handle.db, storage, file.id, { finalAttempt: false })).toBe("done");
    const done = await reload(file.id);
    expect(done.processingState).toBe("done");
    expect(done.extractedText).toContain("zebrafish retention");
    expect(done.pageCount).toBe(1);
    expect(done.previewPageCount).toBe(1);
    expect(done.thumbnailKey).toBe(thumbnailKeyOf(file.id));
    const page = await storage.get(previewPageKey(file.id, 1));
    const chunks: Buffer[] = [];
    for await (const c of page.body as AsyncIterable<Buffer>) chunks.push(c);
    const meta = await sharp(Buffer.concat(chunks)).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(1200);
  });

  it.each([
    ["Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxWith],
    ["PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", pptxWith],
    ["Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxWith],
    ["CSV", "text/csv", async (t: string) => new TextEncoder().encode(`driver,value\n"${t}",3\n`)],
    ["Markdown", "text/markdown", async (t: string) => new TextEncoder().encode(`# Notes\n\n${t}\n`)],
  ])("extracts the text of a %s file", async (_label, mimeType, make) => {
    const file = await storedFile(await make("Okapi onboarding checklist"), mimeType);
    await processFile(handle.db, storage, file.id, { finalAttempt: false });
    const done = await reload(file.id);
    expect(done.processingState).toBe("done");
    expect(done.extractedText).toContain("Okapi onboarding checklist");
    expect(done.thumbnailKey).toBeNull();
  });

  it("makes a thumbnail and a viewer image for an image, and nothing for a video", async () => {
    const image = await storedFile(await pngImage(2400, 1200), "image/png");
    await processFile(handle.db, storage, image.id, { finalAttempt: false });
    const imageDone = await reload(image.id);
    expect(imageDone).toMatchObject({ processingState: "done", previewPageCount: 1, pageCount: 1 });
    expect(imageDone.extractedText).toBeNull();
    const thumb = await storage.get(thumbnailKeyOf(image.id));
    const chunks: Buffer[] = [];
    for await (const c of thumb.body as AsyncIterable<Buffer>) chunks.push(c);
    expect((await sharp(Buffer.concat(chunks)).metadata()).width).toBe(480);

    const video = await storedFile(new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]), "video/mp4");
    await processFile(handle.db, storage, video.id, { finalAttempt: false });
    expect(await reload(video.id)).toMatchObject({ processingState: "done", previewPageCount: 0 });
  });

  it("fails a corrupt PDF with a readable reason and does not ask for a retry", async () => {
    const file = await storedFile(
      new TextEncoder().encode("%PDF-1.7\nthis is not really a pdf"),
      "application/pdf",
    );
    expect(await processFile(handle.db, storage, file.id, { finalAttempt: false })).toBe("failed");
    const failed = await reload(file.id);
    expect(failed.processingState).toBe("failed");
    expect(failed.processingError).toMatch(/^The PDF could not be read: /);
    expect(failed.extractedText).toBeNull();
  });

  it("leaves the file pending and untouched when a transient error interrupts it, then finishes on retry", async () => {
    let failPuts = 1;
    const flaky: StorageDriver = {
      ...storage,
      name: storage.name,
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
      async put(key, body, type) {
        if (key.startsWith("thumbnails/") && failPuts-- > 0) throw new Error("connection reset by peer");
        return storage.put(key, body, type);
      },
    };
    const file = await storedFile(await pdfWith("Narwhal migration guide"), "application/pdf");
    await expect(processFile(handle.db, flaky, file.id, { finalAttempt: false })).rejects.toThrow(
      /connection reset/,
    );
    const interrupted = await reload(file.id);
    expect(interrupted).toMatchObject({
      processingState: "pending",
      extractedText: null,
      thumbnailKey: null,
    });
    expect(interrupted.processingAttempts).toBe(1);

    expect(await processFile(handle.db, flaky, file.id, { finalAttempt: false })).toBe("done");
    const done = await reload(file.id);
    expect(done).toMatchObject({ processingState: "done", processingAttempts: 2 });
    expect(done.extractedText).toContain("Narwhal migration guide");
  });

  it("marks the file failed on the last attempt instead of leaving it processing forever", async () => {
    const broken: StorageDriver = {
      ...storage,
      name: storage.name,
      get: () => Promise.reject(new Error("bucket unreachable")),
    };
    const file = await storedFile(await pdfWith("Unreachable"), "application/pdf");
    await expect(processFile(handle.db, broken, file.id, { finalAttempt: true })).rejects.toThrow();
    const failed = await reload(file.id);
    expect(failed.processingState).toBe("failed");
    expect(failed.processingError).toContain("bucket unreachable");
  });
});
