import { Document, Packer, Paragraph } from "docx";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { uploadFromRequest } from "../support/uploads";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let docx: Buffer;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  docx = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph("Talk track: pricing objections")] }] }),
  );
});
afterAll(() => handle.close());

async function upload(name: string, bytes: Buffer) {
  const form = new FormData();
  form.append("metadata", JSON.stringify({ title: name, type: "talk_track", stageIds: [ws.stages[4]!.id] }));
  form.append("file", new Blob([bytes as BlobPart]), name);
  return uploadFromRequest(
    handle.db,
    await ws.actor(ws.people.marketer),
    new Request("http://localhost/u", { method: "POST", body: form }),
  );
}

async function tamper(add: (zip: JSZip) => void) {
  const zip = await JSZip.loadAsync(docx);
  add(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

describe("OOXML zip-bomb checks", () => {
  it("accepts a real Word document", async () => {
    await expect(upload("talk-track.docx", docx)).resolves.toMatchObject({ title: "talk-track.docx" });
  });

  it("refuses a document that expands to hundreds of megabytes", async () => {
    const bomb = await tamper((zip) => zip.file("word/media/padding.bin", Buffer.alloc(160 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(upload("bomb.docx", bomb)).rejects.toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/expands to 160\.\d MB .* zip bomb/),
    });
  });

  it("refuses a document with thousands of entries", async () => {
    const many = await tamper((zip) => {
      for (let i = 0; i < 6_000; i++) zip.file(`word/parts/p${i}.xml`, "<x/>");
    });
    await expect(upload("many.docx", many)).rejects.toMatchObject({
      message: expect.stringContaining("6,0"),
    });
  });
});
