import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses input or throws a 422 AppError carrying each field's messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = "Request"): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("validation_failed", `${what} is invalid`, {
      fieldErrors: fieldErrorsOf(result.error),
    });
  }
  return result.data;
}
