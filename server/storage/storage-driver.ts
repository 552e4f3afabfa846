import "server-only";
import type { Readable } from "node:stream";

/** Where file bytes live. Keys are server-generated; drivers never see a user's filename. */
export interface StorageDriver {
  readonly name: "local" | "s3";
  /** Streams the body to the key; resolves once it is durably stored. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /**
   * Opens the stored object (or the inclusive byte range of it) for reading, or throws a not_found
   * AppError. `size` is always the whole object's size.
   */
  get(key: string, range?: ByteRange): Promise<{ body: Readable; size: number }>;
  delete(key: string): Promise<void>;
  /** Every complete object whose key starts with `prefix`, with when it was last written. */
  list(prefix: string): AsyncIterable<StoredObject>;
  /**
   * Removes what interrupted writes left behind (a local `.part` file, an unfinished S3 multipart
   * upload) that was last touched before `before`; returns how many it removed.
   */
  removePartialWrites(before: Date): Promise<number>;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

export interface ByteRange {
  start: number;
  end: number;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

export function assertSafeKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes("..") || key.includes("//")) {
    throw new Error(`Refusing unsafe storage key: ${JSON.stringify(key)}`);
  }
}
