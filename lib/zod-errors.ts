import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";
import { unsafeTextFields } from "./safe-text";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export type InputCheck<T> = { success: true; data: T } | { success: false; fieldErrors: FieldErrors };

/**
 * The one check every door (API route, server action, upload fields, import options) runs on decoded
 * input: text that cannot be stored (NUL, unpaired surrogates) is refused, then the schema decides.
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): InputCheck<z.infer<S>> {
  const unsafe = unsafeTextFields(input);
  if (unsafe) return { success: false, fieldErrors: unsafe };
  const result = schema.safeParse(input);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, fieldErrors: fieldErrorsOf(result.error) };
}

/** Parses input or throws a 422 AppError carrying each field's messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = "Request"): z.infer<S> {
  const result = checkInput(schema, input);
  if (!result.success) {
    throw new AppError("validation_failed", `${what} is invalid`, { fieldErrors: result.fieldErrors });
  }
  return result.data;
}
