import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { findHits, parseUuidArray } from "@/server/search/hit-set";
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
});
afterAll(() => handle.close());

function hitsFor(actor: Actor, q: string, limit: number) {
  return inSearchTransaction(handle.db, actor.workspaceId, q, (tx, cfg) => {
    const text = searchTextOf(actor.workspaceId, cfg, q);
    const where = textMatch(text, "fulltext").where!;
    return findHits(tx, { indexed: [where], rest: [assetVisibility(actor)] }, limit);
  });
}

describe("findHits", () => {
  it("returns every visible hit's id when there are at most `limit`", async () => {
    const hits = await hitsFor(rep, "quokkarine", 3);
    expect(hits.exact).toBe(true);
    expect([...hits.ids].sort()).toEqual([made.a, made.b, made.c].sort());
  });

  it("says only that there are more when the hits exceed `limit`", async () => {
    expect(await hitsFor(rep, "quokkarine", 2)).toEqual({ exact: false, ids: [] });
  });

  it("counts under the viewer's visibility", async () => {
    const hits = await hitsFor(partner, "quokkarine", 1);
    expect(hits).toEqual({ exact: true, ids: [made.c] });
  });

  it("finds nothing as an exact, empty set", async () => {
    expect(await hitsFor(rep, "zzyzxqvw", 10)).toEqual({ exact: true, ids: [] });
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
