import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/zod-errors";

/**
 * Reads an upload's text fields under its route's multipart schema: a field declared as an object (the
 * asset's `metadata`) is sent as JSON and validated on its own, so its errors name its own fields
 * (`title`, `stageIds`), as a JSON body's would; plain fields (a version's `note`) are taken as sent.
 */
export function parseUploadFields<S extends z.ZodObject<z.ZodRawShape>>(
  schema: S,
  raw: Record<string, string>,
): z.infer<S> {
  const values: Record<string, unknown> = {};
  const plain: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const text = raw[name];
    if (!isJsonField(field as z.ZodType)) {
      if (text !== undefined) plain[name] = text;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text ?? "");
    } catch {
      const message = `Send '${name}' as a JSON object`;
      throw new AppError("validation_failed", message, { fieldErrors: { [name]: [message] } });
    }
    values[name] = parseOrThrow(field as z.ZodType, parsed, capitalised(name));
  }
  const rest = schema.omit(
    Object.fromEntries(Object.keys(values).map((k) => [k, true])) as Record<string, true>,
  );
  return { ...parseOrThrow(rest, plain, "Upload"), ...values } as z.infer<S>;
}

/** Declared as an object (possibly optional or with a default): sent as JSON. */
export function isJsonField(field: z.ZodType): boolean {
  let inner: z.ZodType = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault || inner instanceof z.ZodNullable)
    inner = inner.unwrap() as z.ZodType;
  return inner instanceof z.ZodObject;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
