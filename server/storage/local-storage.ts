import "server-only";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { notFound } from "@/lib/errors";
import { assertSafeKey, type StorageDriver } from "./storage-driver";

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
      const tmp = `${full}.${randomUUID()}.part`;
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
  };
}
