import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, type KeyKind } from "@/server/search/search-cursor";

/*
 * A cursor carries what a later page needs to continue the same order; decoding gives back exactly what was
 * encoded, and anything that is not a cursor of this search is a 422.
 */
const digest = "abcdefghijklmnop";
const id = "0190d5a6-1b2c-7d3e-8f40-123456789abc";
const broadKinds: KeyKind[] = ["int4", "float8", "timestamptz"];
const kindsFor = (broad: boolean): KeyKind[] => (broad ? broadKinds : ["float8", "timestamptz"]);
/** A broad search's cursor in its champion tier (level 4). */
const broad = {
  h: digest,
  m: "fulltext" as const,
  r: "broad" as const,
  k: [4, 1.5, "2026-12-01 10:00:00.123+00"],
  id,
};

describe("search cursors", () => {
  it("round-trips a broad cursor, a champion threshold of 0 included", () => {
    for (const c of [0, 0.75]) {
      const body = { ...broad, c };
      expect(decodeCursor(encodeCursor(body), digest, kindsFor)).toEqual(body);
    }
  });

  it("round-trips a broad cursor with a ranked window's boundary", () => {
    const body = { ...broad, w: ["2026-12-01 09:59:59.5+00", id] as [string, string] };
    expect(decodeCursor(encodeCursor(body), digest, kindsFor)).toEqual(body);
    // After a champion list's members too.
    expect(decodeCursor(encodeCursor({ ...body, c: 0.5 }), digest, kindsFor)).toEqual({ ...body, c: 0.5 });
  });

  it("round-trips a broad cursor whose titles were split by their tags and descriptions", () => {
    const body = { ...broad, s: 1 as const };
    expect(decodeCursor(encodeCursor(body), digest, kindsFor)).toEqual(body);
  });

  it("round-trips an exact cursor without a tier", () => {
    const body = { h: digest, m: "none" as const, k: [0.5, "2026-12-01 10:00:00+00"], id };
    expect(decodeCursor(encodeCursor(body), digest, kindsFor)).toEqual(body);
  });

  it("refuses another search's cursor, a threshold or window without a broad order, a split beside either, and wrong keys", () => {
    const good = broad;
    const bad = [
      encodeCursor({ ...good, h: "another-search!!" }),
      encodeCursor({ ...good, r: undefined, c: 0.5 }),
      encodeCursor({ ...good, k: [3, 1.5] }),
      encodeCursor({ ...good, k: [3.5, 1.5, "2026-12-01 10:00:00+00"] }),
      encodeCursor({ ...good, id: "not-a-uuid" }),
      encodeCursor({ ...good, r: undefined, w: ["2026-12-01 10:00:00+00", id] }),
      encodeCursor({ ...good, w: ["yesterday", id] }),
      encodeCursor({ ...good, s: 2 as unknown as 1 }),
      encodeCursor({ ...good, s: 1, c: 0.5 }),
      encodeCursor({ ...good, s: 1, w: ["2026-12-01 10:00:00+00", id] }),
      encodeCursor({ ...good, r: undefined, s: 1 }),
      encodeCursor({ ...good, w: ["2026-12-01 10:00:00+00"] as unknown as [string, string] }),
      "not base64 json",
    ];
    for (const cursor of bad) expect(() => decodeCursor(cursor, digest, kindsFor)).toThrow(AppError);
  });
});
