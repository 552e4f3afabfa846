import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { PgDialect } from "drizzle-orm/pg-core";
import { vi } from "vitest";
import type { Database } from "@/db/client";
import { estimatedHits } from "@/server/search/hit-estimate";
import { BROAD_ESTIMATE, findHits, parseUuidArray } from "@/server/search/hit-set";
import { uuidArray } from "@/server/search/search-filters";
import { inSearchTransaction, textMatch, searchTextOf } from "@/server/search/text-query";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset } from "./search-support";

/*
 * findHits answers with one row: every hit's id up to the limit, or only the fact that there are more.
 * The ids must be exactly the visible matches, whatever the limit.
 */
let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;
let partner: Actor;
const made: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
  partner = await ws.actor(ws.people.partnerHigh);
  const db = handle.db;
  made.a = (await createSearchAsset(db, ws, { title: "Quokkarine pricing sheet" })).id;
  made.b = (await createSearchAsset(db, ws, { title: "Notes", body: "A quokkarine deal." })).id;
  made.c = (
    await createSearchAsset(db, ws, {
      title: "Quokkarine partner brief",
      partnerAccess: "all",
    })
  ).id;
  made.draft = (await createSearchAsset(db, ws, { title: "Quokkarine draft", status: "draft" })).id;
  // A word in every one of 60 assets, with the statistics the planner estimates from.
  for (let i = 0; i < 60; i++) await createSearchAsset(db, ws, { title: `Heronsgate note ${i}` });
  await db.execute(sql`analyze assets`);
});
afterAll(() => handle.close());

/** The statements `tx` is sent while `run` runs, as SQL text. */
async function statementsOf<T>(tx: Database, run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const dialect = new PgDialect();
  const spy = vi.spyOn(tx, "execute");
  try {
    const result = await run();
    const sent = spy.mock.calls.map(
      ([q]) => dialect.sqlToQuery(q as Parameters<PgDialect["sqlToQuery"]>[0]).sql,
    );
    return { result, sent };
  } finally {
    spy.mockRestore();
  }
}

function hitsFor(actor: Actor, q: string, limit: number) {
  return inSearchTransaction(handle.db, actor.workspaceId, q, (tx, cfg) => {
    const text = searchTextOf(actor.workspaceId, cfg, q);
    const where = textMatch(text, "fulltext").where!;
    return statementsOf(tx, () => findHits(tx, { indexed: [where], rest: [assetVisibility(actor)] }, limit));
  }).then((r) => Object.assign(r.result, { sent: r.sent }));
}

const counted = (sent: string[]) => sent.some((s) => /count\(\*\)/.test(s));

describe("findHits", () => {
  it("returns every visible hit's id when there are at most `limit`", async () => {
    const hits = await hitsFor(rep, "quokkarine", 3);
    expect(hits.exact).toBe(true);
    expect([...hits.ids].sort()).toEqual([made.a, made.b, made.c].sort());
  });

  it("says only that there are more when the hits exceed `limit`", async () => {
    const { exact, ids, sent } = await hitsFor(rep, "quokkarine", 2);
    expect({ exact, ids }).toEqual({ exact: false, ids: [] });
    // Three hits are far from BROAD_ESTIMATE times 2: they are counted.
    expect(counted(sent)).toBe(true);
  });

  it("says which hits meet `among` (a condition of their own) in the same statement, when all are known", async () => {
    const among = (actor: Actor, q: string, limit: number, ids: string[]) =>
      inSearchTransaction(handle.db, actor.workspaceId, q, (tx, cfg) => {
        const where = textMatch(searchTextOf(actor.workspaceId, cfg, q), "fulltext").where!;
        // The draft meets the condition but is no hit of the rep's: only hits come back.
        const condition = sql`"assets"."id" = any(${uuidArray(ids)})`;
        return findHits(tx, { indexed: [where], rest: [assetVisibility(actor)], among: condition }, limit);
      });
    const known = await among(rep, "quokkarine", 3, [made.a!, made.draft!]);
    expect(known.exact).toBe(true);
    expect(known.among).toEqual([made.a]);
    expect((await among(rep, "quokkarine", 3, [made.draft!])).among).toEqual([]);
    // Too many hits: nothing is said about them.
    expect(await among(rep, "quokkarine", 2, [made.a!])).toMatchObject({ exact: false, ids: [] });
  });

  it("counts under the viewer's visibility", async () => {
    const { exact, ids } = await hitsFor(partner, "quokkarine", 1);
    expect({ exact, ids }).toEqual({ exact: true, ids: [made.c] });
  });

  it("finds nothing as an exact, empty set", async () => {
    const { exact, ids } = await hitsFor(rep, "zzyzxqvw", 10);
    expect({ exact, ids }).toEqual({ exact: true, ids: [] });
  });

  it("answers 'more' without counting when the planner expects many times `limit`", async () => {
    // A finished word (the trailing space): a word still being typed is a prefix, which PostgreSQL estimates
    // from the statistics only when many frequent lexemes share it (not in a 64-row table).
    const { exact, ids, sent } = await hitsFor(rep, "heronsgate ", 5);
    expect({ exact, ids }).toEqual({ exact: false, ids: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^explain /);
    expect(counted(sent)).toBe(false);
  });

  it("counts when the estimate is under BROAD_ESTIMATE times `limit`, even if the hits are more", async () => {
    // 60 hits, limit 20: the planner's ~60 is under 4 x 20, so they are counted, and found to be more.
    expect(60).toBeLessThan(BROAD_ESTIMATE * 20);
    const { exact, sent } = await hitsFor(rep, "heronsgate ", 20);
    expect(exact).toBe(false);
    expect(counted(sent)).toBe(true);
    const all = await hitsFor(rep, "heronsgate ", 100);
    expect(all.exact).toBe(true);
    expect(all.ids).toHaveLength(60);
  });
});

describe("estimatedHits", () => {
  it("reads the planner's row estimate: near the truth for a frequent word, small for a rare one", async () => {
    const estimate = (q: string) =>
      inSearchTransaction(handle.db, rep.workspaceId, q, (tx, cfg) =>
        estimatedHits(tx, [textMatch(searchTextOf(rep.workspaceId, cfg, q), "fulltext").where!]),
      );
    const frequent = await estimate("heronsgate ");
    expect(frequent).toBeGreaterThanOrEqual(30);
    expect(frequent).toBeLessThanOrEqual(120);
    expect(await estimate("quokkarine")).toBeLessThan(20);
  });
});

describe("textMatch's oneWord", () => {
  it("holds for one finished word only: not a prefix, two words, a phrase or an exclusion", async () => {
    const oneWord = (q: string) =>
      inSearchTransaction(handle.db, rep.workspaceId, q, async (_, cfg) =>
        textMatch(searchTextOf(rep.workspaceId, cfg, q), "fulltext"),
      ).then((m) => m.oneWord);
    expect(await oneWord("heronsgate ")).toBe(true);
    expect(await oneWord("heronsgate")).toBe(false);
    expect(await oneWord("heronsgate note ")).toBe(false);
    expect(await oneWord('"heronsgate note" ')).toBe(false);
    expect(await oneWord("heronsgate -note ")).toBe(false);
  });
});

describe("parseUuidArray", () => {
  it("reads PostgreSQL's text form of a uuid[] back", async () => {
    const ids = [made.a!, made.b!];
    const { rows } = await handle.db.execute<{ t: string }>(sql`select ${uuidArray(ids)}::text as t`);
    expect(parseUuidArray(rows[0]!.t)).toEqual(ids);
    expect(parseUuidArray("{}")).toEqual([]);
    expect(parseUuidArray(null)).toEqual([]);
  });
});
