import type { UploadResult } from "./upload-request";
import { errorMessageOf } from "./upload-request";

export type UploadStatus = "queued" | "waiting" | "uploading" | "done" | "failed" | "duplicate" | "cancelled";

/** The fields every file in a batch shares; the title is per file. */
export interface SharedMetadata {
  type: string;
  description: string;
  stageIds: string[];
  status: "draft" | "published";
}

export interface QueuedUpload {
  key: string;
  file: File;
  title: string;
  titleError?: string;
  status: UploadStatus;
  /** Fraction of the request body sent, 0..1. */
  progress: number;
  /** A snapshot taken when the file was sent, so later edits to the shared fields don't change it. */
  metadata?: SharedMetadata;
  allowDuplicate: boolean;
  error?: string;
  assetId?: string;
  assetTitle?: string;
  existingAssetId?: string;
}

export type SendUpload = (
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) => Promise<UploadResult>;

export const MAX_PARALLEL_UPLOADS = 2;
const MAX_TITLE_LENGTH = 200;

/** "q3-pricing_notes.v2.pdf" -> "q3 pricing notes.v2": the name without its extension, separators as spaces. */
export function titleFromFilename(name: string): string {
  const base = name.trim().replace(/\.[^.]+$/, "");
  const tidy = base.replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  return (tidy || name.trim()).slice(0, MAX_TITLE_LENGTH);
}

export const isInFlight = (status: UploadStatus) => status === "waiting" || status === "uploading";
export const canEdit = (status: UploadStatus) =>
  status === "queued" || status === "failed" || status === "cancelled" || status === "duplicate";

/** "3 uploaded, 1 failed" once nothing is in flight and at least one file has an outcome; null otherwise. */
export function summarizeQueue(items: QueuedUpload[]): string | null {
  if (items.some((i) => isInFlight(i.status))) return null;
  const count = (...statuses: UploadStatus[]) => items.filter((i) => statuses.includes(i.status)).length;
  const uploaded = count("done");
  const failed = count("failed", "duplicate");
  const cancelled = count("cancelled");
  if (uploaded + failed + cancelled === 0) return null;
  return [
    `${uploaded} uploaded`,
    failed ? `${failed} failed` : null,
    cancelled ? `${cancelled} cancelled` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function describeFailure(message: string, fieldErrors?: Record<string, string[]>): string {
  const all = [message, ...Object.values(fieldErrors ?? {}).flat()];
  return [...new Set(all)].join(" ");
}

/**
 * The upload queue as a small external store (read with useSyncExternalStore): files wait their turn and
 * at most `maxParallel` requests run at once; each has its own AbortController, so cancelling one file
 * never touches the others, and a failure only settles that file.
 */
export class UploadQueue {
  private items: QueuedUpload[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly controllers = new Map<string, AbortController>();
  private nextKey = 1;

  constructor(
    private readonly send: SendUpload,
    private readonly maxParallel = MAX_PARALLEL_UPLOADS,
    private readonly url = "/api/v1/assets",
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  getSnapshot = () => this.items;

  add(files: File[]) {
    const added = files.map((file): QueuedUpload => ({
      key: `upload-${this.nextKey++}`,
      file,
      title: titleFromFilename(file.name),
      status: "queued",
      progress: 0,
      allowDuplicate: false,
    }));
    if (added.length) this.set([...this.items, ...added]);
  }

  remove(key: string) {
    const item = this.find(key);
    if (item && !isInFlight(item.status)) this.set(this.items.filter((i) => i.key !== key));
  }

  setTitle(key: string, title: string) {
    const item = this.find(key);
    if (item && canEdit(item.status)) this.patch(key, { title, titleError: undefined });
  }

  /** Queues the given files for sending; a file without a title is marked and left out. Returns how many were queued. */
  start(keys: string[], metadata: SharedMetadata, opts: { allowDuplicate?: boolean } = {}): number {
    let started = 0;
    this.set(
      this.items.map((item) => {
        if (!keys.includes(item.key) || !canEdit(item.status)) return item;
        if (!item.title.trim()) return { ...item, titleError: "Give this file a title" };
        started += 1;
        return {
          ...item,
          status: "waiting",
          progress: 0,
          metadata: { ...metadata, stageIds: [...metadata.stageIds] },
          allowDuplicate: opts.allowDuplicate ?? false,
          titleError: undefined,
          error: undefined,
          existingAssetId: undefined,
        };
      }),
    );
    this.pump();
    return started;
  }

  cancel(key: string) {
    const item = this.find(key);
    if (item?.status === "waiting") this.patch(key, { status: "cancelled" });
    else if (item?.status === "uploading") this.controllers.get(key)?.abort();
  }

  cancelAll() {
    for (const item of this.items) this.cancel(item.key);
  }

  private pump() {
    const running = this.items.filter((i) => i.status === "uploading").length;
    const next = this.items
      .filter((i) => i.status === "waiting")
      .slice(0, Math.max(0, this.maxParallel - running));
    for (const item of next) {
      this.patch(item.key, { status: "uploading", progress: 0 });
      void this.run(item);
    }
  }

  private async run(item: QueuedUpload) {
    const controller = new AbortController();
    this.controllers.set(item.key, controller);
    const body = new FormData();
    // Metadata first: the server validates it while the file streams in after it.
    body.append(
      "metadata",
      JSON.stringify({ ...item.metadata, title: item.title.trim(), allowDuplicate: item.allowDuplicate }),
    );
    body.append("file", item.file, item.file.name);
    try {
      const result = await this.send(
        this.url,
        body,
        (progress) => this.patch(item.key, { progress }),
        controller.signal,
      );
      if (result.ok) {
        const created = result.body as { id: string; title: string };
        this.patch(item.key, { status: "done", progress: 1, assetId: created.id, assetTitle: created.title });
      } else {
        const { message, fieldErrors, details } = errorMessageOf(
          result.body,
          `Upload failed (${result.status})`,
        );
        this.patch(
          item.key,
          details?.existingAssetId
            ? { status: "duplicate", error: message, existingAssetId: details.existingAssetId }
            : { status: "failed", error: describeFailure(message, fieldErrors) },
        );
      }
    } catch (error) {
      this.patch(
        item.key,
        (error as Error).name === "AbortError"
          ? { status: "cancelled" }
          : { status: "failed", error: (error as Error).message },
      );
    } finally {
      this.controllers.delete(item.key);
      this.pump();
    }
  }

  private find(key: string) {
    return this.items.find((i) => i.key === key);
  }

  private patch(key: string, patch: Partial<QueuedUpload>) {
    this.set(this.items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }

  private set(items: QueuedUpload[]) {
    this.items = items;
    for (const listener of this.listeners) listener();
  }
}
