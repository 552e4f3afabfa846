import "server-only";
import path from "node:path";
import { dataDir } from "@/env";
import { createLocalStorage } from "./local-storage";
import type { StorageDriver } from "./storage-driver";

let storage: StorageDriver | undefined;

export function getStorage(): StorageDriver {
  storage ??= createLocalStorage(path.join(dataDir, "files"));
  return storage;
}

export type { StorageDriver } from "./storage-driver";
