import "server-only";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { notFound } from "@/lib/errors";
import { assertSafeKey, type StorageDriver, type StoredObject } from "./storage-driver";

const PARTIAL_SUFFIX = ".part";

/** Files on local disk under one root folder; writes go to a temp name and are renamed when complete. */
export function createLocalStorage(root: string): StorageDriver {
  const resolve = (key: string) => {
    assertSafeKey(key);
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error("Storage key escapes the root");
    return full;
  };
  return {
    name: "local",
    async put(key, body) {
      const full = resolve(key);
      await fs.promises.mkdir(path.dirname(full), { recursive: true });
      const tmp = `${full}.${randomUUID()}${PARTIAL_SUFFIX}`;
      try {
        await pipeline(body, fs.createWriteStream(tmp, { flags: "wx", highWaterMark: 1024 * 1024 }));
        await fs.promises.rename(tmp, full);
      } catch (error) {
        await fs.promises.rm(tmp, { force: true });
        throw error;
      }
    },
    async get(key, range) {
      const full = resolve(key);
      try {
        const stat = await fs.promises.stat(full);
        return { body: fs.createReadStream(full, range), size: stat.size };
      } catch {
        throw notFound("File not found");
      }
    },
    async delete(key) {
      await fs.promises.rm(resolve(key), { force: true });
    },
    async *list(prefix) {
      for await (const file of walk(root)) {
        if (file.key.startsWith(prefix) && !file.key.endsWith(PARTIAL_SUFFIX)) yield file;
      }
    },
    async removePartialWrites(before) {
      let removed = 0;
      for await (const file of walk(root)) {
        if (file.key.endsWith(PARTIAL_SUFFIX) && file.modifiedAt < before) {
          await fs.promises.rm(path.join(root, file.key), { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/** Every file under `root`, keyed by its path relative to it; a folder that vanishes meanwhile is skipped. */
async function* walk(root: string, folder = ""): AsyncGenerator<StoredObject> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(path.join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const key = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(root, key);
    else if (entry.isFile()) {
      const stat = await fs.promises.stat(path.join(root, key)).catch(() => undefined);
      if (stat) yield { key, modifiedAt: stat.mtime };
    }
  }
}
