import "server-only";
import type { z } from "zod";
import { env } from "@/env";
import { receiveUpload } from "@/server/assets/receive-upload";
import { getStorage } from "@/server/storage";
import { parseUploadFields } from "./upload-fields";

/**
 * Receives an API upload into storage: its text fields are read under `schema` and `check`ed (a lookup,
 * a permission) before the file is stored, so a refused request stores nothing.
 */
export function receiveApiUpload<S extends z.ZodObject<z.ZodRawShape>>(
  request: Request,
  workspaceId: string,
  schema: S,
  check: (fields: z.infer<S>) => Promise<void>,
) {
  return receiveUpload(request, getStorage(), {
    workspaceId,
    maxBytes: env.UPLOAD_MAX_BYTES,
    readFields: async (raw) => {
      const fields = parseUploadFields(schema, raw);
      await check(fields);
      return fields;
    },
  });
}
