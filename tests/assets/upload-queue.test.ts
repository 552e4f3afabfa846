import { describe, expect, it } from "vitest";
import {
  summarizeQueue,
  titleFromFilename,
  UploadQueue,
  type SendUpload,
  type SharedMetadata,
} from "@/components/assets/upload-queue";
import type { UploadResult } from "@/components/assets/upload-request";

const metadata: SharedMetadata = { type: "case_study", description: "", stageIds: ["s1"], status: "draft" };

/** A fake transport: each request stays open until the test settles it. */
function fakeServer() {
  const open: {
    name: string;
    metadata: Record<string, unknown>;
    progress: (f: number) => void;
    resolve: (r: UploadResult) => void;
    aborted: boolean;
  }[] = [];
  const send: SendUpload = (_url, form, onProgress, signal) =>
    new Promise((resolve, reject) => {
      const request = {
        name: (form.get("file") as File).name,
        metadata: JSON.parse(String(form.get("metadata"))) as Record<string, unknown>,
        progress: onProgress,
        resolve,
        aborted: false,
      };
      signal?.addEventListener("abort", () => {
        request.aborted = true;
        reject(new DOMException("Upload cancelled", "AbortError"));
      });
      open.push(request);
    });
  return { open, send };
}

const file = (name: string) => new File(["hello"], name, { type: "text/plain" });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("titleFromFilename", () => {
  it("drops the extension and turns dashes and underscores into spaces", () => {
    expect(titleFromFilename("q3-pricing__notes.md")).toBe("q3 pricing notes");
    expect(titleFromFilename("Mercy Health ROI.v2.pdf")).toBe("Mercy Health ROI.v2");
    expect(titleFromFilename(".pdf")).toBe(".pdf");
  });
});

describe("UploadQueue", () => {
  it("sends at most two files at a time and starts the next as one finishes", async () => {
    const server = fakeServer();
    const queue = new UploadQueue(server.send);
    queue.add(["a.txt", "b.txt", "c.txt", "d.txt"].map(file));
    const keys = queue.getSnapshot().map((i) => i.key);
    expect(queue.start(keys, metadata)).toBe(4);

    expect(server.open.map((r) => r.name)).toEqual(["a.txt", "b.txt"]);
    expect(queue.getSnapshot().map((i) => i.status)).toEqual([
      "uploading",
      "uploading",
      "waiting",
      "waiting",
    ]);

    server.open[0]!.progress(0.5);
    expect(queue.getSnapshot()[0]!.progress).toBe(0.5);
    server.open[0]!.resolve({ ok: true, status: 201, body: { id: "asset-a", title: "a" } });
    await flush();
    expect(server.open.map((r) => r.name)).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: "done", assetId: "asset-a" });
    expect(server.open[0]!.metadata).toMatchObject({ title: "a", stageIds: ["s1"], allowDuplicate: false });
  });

  it("keeps going after a failure, shows the server's message and cancels only the chosen file", async () => {
    const server = fakeServer();
    const queue = new UploadQueue(server.send);
    queue.add(["bad.pdf", "big.txt", "ok.txt"].map(file));
    queue.start(
      queue.getSnapshot().map((i) => i.key),
      metadata,
    );
    server.open[0]!.resolve({
      ok: false,
      status: 415,
      body: {
        error: {
          code: "unsupported_media_type",
          message: "The file is named .pdf but its content is not a PDF file.",
        },
      },
    });
    await flush();
    queue.cancel(queue.getSnapshot()[1]!.key);
    await flush();
    expect(server.open[1]!.aborted).toBe(true);
    expect(server.open[2]!.aborted).toBe(false);
    server.open[2]!.resolve({ ok: true, status: 201, body: { id: "asset-ok", title: "ok" } });
    await flush();

    const [bad, big, ok] = queue.getSnapshot();
    expect(bad).toMatchObject({
      status: "failed",
      error: "The file is named .pdf but its content is not a PDF file.",
    });
    expect(big!.status).toBe("cancelled");
    expect(ok!.status).toBe("done");
    expect(summarizeQueue(queue.getSnapshot())).toBe("1 uploaded, 1 failed, 1 cancelled");

    queue.start([big!.key], metadata);
    expect(queue.getSnapshot()[1]!.status).toBe("uploading");
    expect(summarizeQueue(queue.getSnapshot())).toBeNull();
  });

  it("offers the existing asset for a duplicate and re-sends with allowDuplicate", async () => {
    const server = fakeServer();
    const queue = new UploadQueue(server.send);
    queue.add([file("one-pager.pdf")]);
    const [item] = queue.getSnapshot();
    queue.start([item!.key], metadata);
    server.open[0]!.resolve({
      ok: false,
      status: 409,
      body: {
        error: { code: "conflict", message: "Already there", details: { existingAssetId: "asset-1" } },
      },
    });
    await flush();
    expect(queue.getSnapshot()[0]).toMatchObject({ status: "duplicate", existingAssetId: "asset-1" });

    queue.start([item!.key], metadata, { allowDuplicate: true });
    expect(server.open[1]!.metadata).toMatchObject({ allowDuplicate: true });
  });

  it("does not send a file whose title was cleared, and removes only files that are not sending", () => {
    const server = fakeServer();
    const queue = new UploadQueue(server.send);
    queue.add([file("a.txt"), file("b.txt")]);
    const [a, b] = queue.getSnapshot();
    queue.setTitle(a!.key, "  ");
    expect(queue.start([a!.key, b!.key], metadata)).toBe(1);
    expect(queue.getSnapshot()[0]).toMatchObject({ status: "queued", titleError: "Give this file a title" });
    queue.remove(b!.key);
    queue.remove(a!.key);
    expect(queue.getSnapshot().map((i) => i.file.name)).toEqual(["b.txt"]);
  });
});
