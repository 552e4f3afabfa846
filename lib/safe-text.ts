import type { FieldErrors } from "./errors";

/**
 * Text no field may hold: NUL (PostgreSQL's text cannot store it) and a UTF-16 surrogate without its
 * partner (not Unicode at all; PostgreSQL's jsonb refuses it, so it would fail the audit entry).
 */
const UNSAFE_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_TEXT_ALL = new RegExp(UNSAFE_TEXT.source, "g");

export const UNSAFE_TEXT_MESSAGE =
  "Contains a NUL byte or an unpaired UTF-16 surrogate, which text cannot hold";

export function isUnsafeText(value: string): boolean {
  return UNSAFE_TEXT.test(value);
}

/** The same text without NUL bytes and unpaired surrogates, for the places that strip instead of refuse. */
export function stripUnsafeText(value: string): string {
  return value.replace(UNSAFE_TEXT_ALL, "");
}

/**
 * Every field of a decoded input (JSON body, query, path, form fields) holding unsafe text, by the same
 * dotted path zod's field errors use; a field name that is itself unsafe is reported on its parent.
 */
export function unsafeTextFields(input: unknown): FieldErrors | null {
  const found: FieldErrors = {};
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      if (isUnsafeText(value)) found[path.length ? path.join(".") : "_"] = [UNSAFE_TEXT_MESSAGE];
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (isUnsafeText(key))
          found[path.length ? path.join(".") : "_"] = [`A field name: ${UNSAFE_TEXT_MESSAGE}`];
        else visit(item, [...path, key]);
      }
    }
  };
  visit(input, []);
  return Object.keys(found).length ? found : null;
}

/**
 * Pages strip instead of refuse: a link whose query holds unsafe text is answered with the same link
 * without it (null when there is nothing to strip).
 */
export function strippedSearchParams(url: URL): URL | null {
  const entries = [...url.searchParams];
  if (!entries.some(([key, value]) => isUnsafeText(key) || isUnsafeText(value))) return null;
  const clean = new URL(url);
  clean.search = new URLSearchParams(
    entries.map(([key, value]) => [stripUnsafeText(key), stripUnsafeText(value)]),
  ).toString();
  return clean;
}
