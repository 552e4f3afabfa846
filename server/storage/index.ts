import "server-only";
import path from "node:path";
import { dataDir, env } from "@/env";
import { createLocalStorage } from "./local-storage";
import { createS3Storage } from "./s3-storage";
import type { StorageDriver } from "./storage-driver";

let storage: StorageDriver | undefined;

/** S3 when S3_BUCKET is set, local disk under $DATA_DIR/files otherwise. */
export function getStorage(): StorageDriver {
  storage ??= env.S3_BUCKET
    ? createS3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      })
    : createLocalStorage(path.join(dataDir, "files"));
  return storage;
}

export type { ByteRange, StorageDriver } from "./storage-driver";
