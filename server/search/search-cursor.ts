import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { SearchParams, SearchSort } from "@/lib/schemas/search";
import type { TextMode } from "./text-query";

/** The SQL type of each sort key, so a decoded value can be checked and cast. */
export type KeyKind = "float8" | "int4" | "timestamptz";
export type KeyValue = number | string;

interface CursorBody {
  /** Which search this cursor continues: a digest of the words, filters and sort. */
  h: string;
  /** How the words matched on the first page, so later pages match the same way. */
  m: TextMode;
  /** "broad" when the first page found more than EXACT_LIMIT hits and relevance ordered them by tier. */
  r?: "broad";
  /**
   * When a broad search's first tier was its words' champion list: the list's threshold then. Later pages
   * keep that tier, and split it from the title tier at the same score, even if the list is rebuilt.
   */
  c?: number;
  /**
   * When a broad search's title tier was too large to rank (after its champion list's members, if any): the
   * freshness key and id of the last of the freshest assets (the window) whose titles the first page ranked.
   * Later pages keep that window ranked first and go on through the older titles freshest first, even as new
   * assets arrive.
   */
  w?: [string, string];
  /**
   * When a broad search's title tier was too large to rank, had no champion list, and the titles also holding
   * its one word in their tags or description were few enough to rank: later pages rank those first too.
   */
  s?: 1;
  k: KeyValue[];
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MODES: TextMode[] = ["none", "fulltext", "fuzzy"];

export function searchDigest(p: SearchParams, sort: SearchSort): string {
  const { cursor: _cursor, limit: _limit, ...rest } = p;
  return createHash("sha256")
    .update(JSON.stringify({ ...rest, sort }))
    .digest("base64url")
    .slice(0, 16);
}

export function encodeCursor(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

const invalid = () =>
  new AppError("validation_failed", "The cursor is invalid", { fieldErrors: { cursor: ["Invalid cursor"] } });

function validKey(kind: KeyKind, value: unknown): boolean {
  if (kind === "timestamptz") return typeof value === "string" && TIMESTAMP.test(value);
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  return kind === "float8" || Number.isInteger(value);
}

/** A window's boundary: a timestamp and a uuid, only on a broad search's cursor. */
const validWindow = (w: unknown, allowed: boolean) =>
  allowed &&
  Array.isArray(w) &&
  w.length === 2 &&
  typeof w[0] === "string" &&
  TIMESTAMP.test(w[0]) &&
  typeof w[1] === "string" &&
  UUID.test(w[1]);

/**
 * Decodes a cursor made for this very search (same words, filters and sort); anything else is a 422. The
 * sort keys' kinds depend on whether the search was broad.
 */
export function decodeCursor(
  cursor: string,
  digest: string,
  kindsFor: (broad: boolean) => KeyKind[],
): CursorBody {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (typeof body !== "object" || body === null) throw invalid();
  const { h, m, r, c, w, s, k, id } = body as Record<string, unknown>;
  if (h !== digest || !MODES.includes(m as TextMode) || typeof id !== "string" || !UUID.test(id)) {
    throw invalid();
  }
  if (r !== undefined && r !== "broad") throw invalid();
  if (c !== undefined && (typeof c !== "number" || !Number.isFinite(c) || r !== "broad")) throw invalid();
  if (w !== undefined && !validWindow(w, r === "broad")) throw invalid();
  if (s !== undefined && (s !== 1 || r !== "broad" || c !== undefined || w !== undefined)) throw invalid();
  const kinds = kindsFor(r === "broad");
  if (!Array.isArray(k) || k.length !== kinds.length || !kinds.every((kind, i) => validKey(kind, k[i]))) {
    throw invalid();
  }
  return {
    h,
    m: m as TextMode,
    ...(r ? { r } : {}),
    ...(c !== undefined ? { c } : {}),
    ...(w !== undefined ? { w: w as [string, string] } : {}),
    ...(s === 1 ? { s: 1 as const } : {}),
    k: k as KeyValue[],
    id,
  };
}
