import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assets, files } from "@/db/schema";
import { dataDir } from "@/env";
import { receiveUpload } from "@/server/assets/receive-upload";
import { addVersionFromRequest, uploadFromRequest } from "../support/uploads";
import { getStorage } from "@/server/storage";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let pdf: Uint8Array;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText("Harborview Medical cut onboarding time by 42%", {
    font: await doc.embedFont(StandardFonts.Helvetica),
    x: 40,
    y: 700,
    size: 12,
  });
  pdf = await doc.save();
});
afterAll(() => handle.close());

function uploadRequest(
  file: { name: string; bytes: Uint8Array | string; type?: string } | null,
  metadata?: unknown,
) {
  const form = new FormData();
  if (metadata !== undefined)
    form.append("metadata", typeof metadata === "string" ? metadata : JSON.stringify(metadata));
  if (file)
    form.append(
      "file",
      new Blob([file.bytes as BlobPart], { type: file.type ?? "application/octet-stream" }),
      file.name,
    );
  return new Request("http://localhost/api/v1/assets", { method: "POST", body: form });
}

const storedFileCount = () => {
  const dir = path.join(dataDir, "files", "ws", ws.workspace.id, "files");
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0;
};
const assetCount = async () =>
  (await handle.db.select({ n: count() }).from(assets).where(eq(assets.workspaceId, ws.workspace.id)))[0]!.n;

const meta = () => ({
  title: "Harborview case study",
  type: "case_study",
  stageIds: [ws.stages[1]!.id],
  status: "published",
});

describe("upload", () => {
  it("streams a real PDF into storage and creates the asset, its file and first version", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const asset = await uploadFromRequest(
      handle.db,
      marketer,
      uploadRequest({ name: "harborview.pdf", bytes: pdf }, meta()),
    );
    expect(asset).toMatchObject({ title: "Harborview case study", status: "published" });
    const [file] = await handle.db.select().from(files).where(eq(files.workspaceId, ws.workspace.id));
    expect(file).toMatchObject({
      originalName: "harborview.pdf",
      mimeType: "application/pdf",
      sizeBytes: pdf.length,
    });
    expect(file!.storageKey).not.toContain("harborview");
    const { body } = await getStorage().get(file!.storageKey);
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(Buffer.from(pdf))).toBe(true);
  });

  const hostile: [string, () => Request, string][] = [
    [
      "content that does not match the extension",
      () => uploadRequest({ name: "deck.pdf", bytes: "\x89PNG\r\n\x1a\n0000IHDR" }, meta()),
      "unsupported_media_type",
    ],
    [
      "an extension outside the allow-list",
      () => uploadRequest({ name: "evil.svg", bytes: "<svg onload=alert(1)>" }, meta()),
      "unsupported_media_type",
    ],
    [
      "binary content named .txt",
      () => uploadRequest({ name: "notes.txt", bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) }, meta()),
      "unsupported_media_type",
    ],
    [
      "an empty file",
      () => uploadRequest({ name: "empty.pdf", bytes: new Uint8Array() }, meta()),
      "validation_failed",
    ],
    [
      "a path in the filename",
      () => uploadRequest({ name: "../../etc/passwd.pdf", bytes: pdf }, meta()),
      "validation_failed",
    ],
    [
      "a right-to-left override in the filename",
      () => uploadRequest({ name: "invoice\u202Efdp.exe.pdf", bytes: pdf }, meta()),
      "validation_failed",
    ],
    [
      "a 300-character filename",
      () => uploadRequest({ name: `${"a".repeat(300)}.pdf`, bytes: pdf }, meta()),
      "validation_failed",
    ],
    ["missing metadata", () => uploadRequest({ name: "ok.pdf", bytes: pdf }), "validation_failed"],
    [
      "metadata that is not JSON",
      () => uploadRequest({ name: "ok.pdf", bytes: pdf }, "{title:"),
      "validation_failed",
    ],
    [
      "metadata without a stage",
      () => uploadRequest({ name: "ok.pdf", bytes: pdf }, { ...meta(), stageIds: [] }),
      "validation_failed",
    ],
    [
      "a stage from another workspace",
      () =>
        uploadRequest(
          { name: "ok.pdf", bytes: pdf },
          { ...meta(), stageIds: ["00000000-0000-4000-8000-000000000001"] },
        ),
      "validation_failed",
    ],
    ["no file at all", () => uploadRequest(null, meta()), "validation_failed"],
  ];

  for (const [label, makeRequest, code] of hostile) {
    it(`refuses ${label} with ${code} and leaves nothing behind`, async () => {
      const marketer = await ws.actor(ws.people.marketer);
      const [assetsBefore, filesBefore] = [await assetCount(), storedFileCount()];
      await expect(uploadFromRequest(handle.db, marketer, makeRequest())).rejects.toMatchObject({ code });
      expect(await assetCount()).toBe(assetsBefore);
      expect(storedFileCount()).toBe(filesBefore);
    });
  }

  it("offers the existing asset when the same bytes are uploaded again, and allows a deliberate duplicate", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const [assetsBefore, filesBefore] = [await assetCount(), storedFileCount()];
    const again = await uploadFromRequest(
      handle.db,
      marketer,
      uploadRequest({ name: "copy.pdf", bytes: pdf }, meta()),
    ).catch((e: unknown) => e);
    expect(again).toMatchObject({
      code: "conflict",
      details: { existingAssetTitle: "Harborview case study" },
    });
    expect((again as { details: { existingAssetId: string } }).details.existingAssetId).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(await assetCount()).toBe(assetsBefore);
    expect(storedFileCount()).toBe(filesBefore);
    const deliberate = await uploadFromRequest(
      handle.db,
      marketer,
      uploadRequest({ name: "copy.pdf", bytes: pdf }, { ...meta(), allowDuplicate: true }),
    );
    expect(deliberate.title).toBe("Harborview case study");
    expect(await assetCount()).toBe(assetsBefore + 1);
  });

  it("stops a file over the size limit with 413 and deletes the partial bytes", async () => {
    const before = storedFileCount();
    const big = new Uint8Array(64 * 1024).fill(65);
    await expect(
      receiveUpload(uploadRequest({ name: "big.txt", bytes: big }, meta()), getStorage(), {
        workspaceId: ws.workspace.id,
        maxBytes: 1024,
        readFields: async (raw) => raw,
      }),
    ).rejects.toMatchObject({ code: "payload_too_large" });
    expect(storedFileCount()).toBe(before);
  });

  it("fails an upload whose client goes away mid-file and leaves no bytes or rows behind", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const before = { files: storedFileCount(), assets: await assetCount() };
    const boundary = "----baton-abort-test";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${JSON.stringify(meta())}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    );
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        else if (sent < 5) controller.enqueue(new Uint8Array(256 * 1024).fill(66));
        else controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
        sent += 1;
      },
    });
    const request = new Request("http://localhost/api/v1/assets", {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    await expect(uploadFromRequest(handle.db, marketer, request)).rejects.toMatchObject({
      code: "bad_request",
    });
    expect(storedFileCount()).toBe(before.files);
    expect(await assetCount()).toBe(before.assets);
  });

  it("refuses a non-multipart body", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const request = new Request("http://localhost/api/v1/assets", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    await expect(uploadFromRequest(handle.db, marketer, request)).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
  });

  describe("the fields are checked before the first byte is stored", () => {
    const refusedBeforeBytes: [string, () => Request, string, string][] = [
      [
        "missing metadata",
        () => uploadRequest({ name: "ok.pdf", bytes: pdf }),
        "validation_failed",
        "metadata",
      ],
      [
        "metadata without a title",
        () => uploadRequest({ name: "ok.pdf", bytes: pdf }, { ...meta(), title: " " }),
        "validation_failed",
        "title",
      ],
      [
        "a stage from another workspace",
        () =>
          uploadRequest(
            { name: "ok.pdf", bytes: pdf },
            { ...meta(), stageIds: ["00000000-0000-4000-8000-000000000001"] },
          ),
        "validation_failed",
        "stageIds",
      ],
    ];
    for (const [label, makeRequest, code, field] of refusedBeforeBytes) {
      it(`${label}: ${code} on '${field}', and storage never written`, async () => {
        const marketer = await ws.actor(ws.people.marketer);
        const put = vi.spyOn(getStorage(), "put");
        try {
          const refused = uploadFromRequest(handle.db, marketer, makeRequest());
          await expect(refused).rejects.toMatchObject({ code });
          await expect(refused).rejects.toHaveProperty(["fieldErrors", field]);
          expect(put).not.toHaveBeenCalled();
        } finally {
          put.mockRestore();
        }
      });
    }

    it("a file sent before the metadata is refused without storing it", async () => {
      const marketer = await ws.actor(ws.people.marketer);
      const form = new FormData();
      form.append("file", new Blob([pdf as BlobPart]), "first.pdf");
      form.append("metadata", JSON.stringify(meta()));
      const put = vi.spyOn(getStorage(), "put");
      try {
        await expect(
          uploadFromRequest(
            handle.db,
            marketer,
            new Request("http://localhost/api/v1/assets", { method: "POST", body: form }),
          ),
        ).rejects.toHaveProperty(["fieldErrors", "metadata"]);
        expect(put).not.toHaveBeenCalled();
      } finally {
        put.mockRestore();
      }
    });

    it("a new version: a hidden asset is a 404 before storing, a note after the file is refused and its bytes removed", async () => {
      const marketer = await ws.actor(ws.people.marketer);
      const partner = await ws.actor(ws.people.partnerLow);
      const asset = await uploadFromRequest(
        handle.db,
        marketer,
        uploadRequest(
          { name: "v1.md", bytes: "# Version one\n" },
          { ...meta(), title: "Versioned notes", allowDuplicate: true },
        ),
      );
      const versionRequest = (parts: [string, string | Blob, string?][]) => {
        const form = new FormData();
        for (const [name, value, filename] of parts)
          if (typeof value === "string") form.append(name, value);
          else form.append(name, value, filename);
        return new Request(`http://localhost/api/v1/assets/${asset.id}/versions`, {
          method: "POST",
          body: form,
        });
      };
      const put = vi.spyOn(getStorage(), "put");
      try {
        await expect(
          addVersionFromRequest(
            handle.db,
            partner,
            asset.id,
            versionRequest([["file", new Blob(["# Two\n"]), "v2.md"]]),
          ),
        ).rejects.toMatchObject({ code: "not_found" });
        expect(put).not.toHaveBeenCalled();
      } finally {
        put.mockRestore();
      }
      const before = storedFileCount();
      await expect(
        addVersionFromRequest(
          handle.db,
          marketer,
          asset.id,
          versionRequest([
            ["file", new Blob(["# Two\n"]), "v2.md"],
            ["note", "Sent after the file"],
          ]),
        ),
      ).rejects.toMatchObject({
        code: "validation_failed",
        fieldErrors: { note: ["Send the 'note' field before the file"] },
      });
      expect(storedFileCount()).toBe(before);
      const added = await addVersionFromRequest(
        handle.db,
        marketer,
        asset.id,
        versionRequest([
          ["note", "Tightened the intro"],
          ["file", new Blob(["# Two\n"]), "v2.md"],
        ]),
      );
      expect(added.version).toMatchObject({ version: 2, note: "Tightened the intro" });
    });
  });
});
