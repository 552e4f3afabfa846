import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { activityEvents } from "@/db/schema";
import type { ApiRoute } from "@/server/api/define-route";
import { recordSearchClickRoute, searchAssetsRoute } from "@/server/api/routes/search";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const tokens = { rep: "", otherRep: "", partnerLow: "" };
type Who = keyof typeof tokens | "badToken";

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) {
    tokens[who] = (await createApiToken(handle.db, await ws.actor(ws.people[who]), who)).secret;
  }
});
afterAll(() => handle.close());

async function call(
  route: ApiRoute,
  who: Who,
  opts: { query?: Record<string, string>; body?: unknown } = {},
) {
  const url = new URL("http://localhost/api/v1/assets");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {
    authorization: `Bearer ${who === "badToken" ? "baton_not_a_real_token" : tokens[who]}`,
  };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await route.handler(
    new Request(url, {
      method: route.spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve({}) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("GET /api/v1/assets", () => {
  it("searches with comma-separated filters, returns facets, pages, and records the search", async () => {
    const db = handle.db;
    const industry = await createTerm(db, ws, "industry", "Horology");
    const [s0, s1] = [ws.stages[0]!.id, ws.stages[1]!.id];
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(
        await createSearchAsset(db, ws, {
          title: `Tourbillon guide ${i}`,
          stageIds: [i < 3 ? s0 : s1],
          termIds: i < 2 ? [industry.id] : [],
          partnerAccess: i === 0 ? "all" : "none",
        }),
      );
    }
    await createSearchAsset(db, ws, { title: "Tourbillon draft", status: "draft", stageIds: [s0] });

    const first = await call(searchAssetsRoute, "rep", {
      query: { q: "tourbillon", stageIds: `${s0},${s1}`, limit: "2", sort: "newest" },
    });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(4);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].ownerName).toBe(ws.people.marketer.name);
    expect(first.body.facets.stage.find((v: { value: string }) => v.value === s0).count).toBe(3);
    expect(first.body.facets.industry).toEqual([{ value: industry.id, label: "Horology", count: 2 }]);
    expect(typeof first.body.searchId).toBe("number");

    const second = await call(searchAssetsRoute, "rep", {
      query: {
        q: "tourbillon",
        stageIds: `${s0},${s1}`,
        limit: "2",
        sort: "newest",
        cursor: first.body.nextCursor,
      },
    });
    expect(second.status).toBe(200);
    expect(second.body.searchId).toBeNull();
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(seen)).toEqual(new Set(made.map((m) => m.id)));

    const [event] = await db.select().from(activityEvents).where(eq(activityEvents.id, first.body.searchId));
    expect(event).toMatchObject({
      kind: "search",
      query: "tourbillon",
      resultCount: 4,
      actorId: ws.people.rep.id,
    });
    // The one recorded shape: only the chosen filters, as arrays (never the sort or the page).
    expect(event!.filters).toEqual({ stageIds: [s0, s1] });

    const filtered = await call(searchAssetsRoute, "rep", {
      query: { q: "tourbillon", industryIds: industry.id },
    });
    expect(filtered.body.total).toBe(2);

    const partner = await call(searchAssetsRoute, "partnerLow", { query: { q: "tourbillon" } });
    expect(partner.body.total).toBe(1);
    expect(partner.body.items[0]).not.toHaveProperty("ownerName");
    expect(partner.body.facets.owner).toEqual([]);

    const typing = await call(searchAssetsRoute, "rep", {
      query: { q: "tourbil", limit: "8", record: "false", facets: "false" },
    });
    expect(typing.status).toBe(200);
    expect(typing.body.total).toBe(4);
    expect(typing.body.facets).toBeNull();
    expect(typing.body.searchId).toBeNull();
  });

  it("rejects a tampered cursor and malformed filters with 422, and an unknown token with 401", async () => {
    const tampered = await call(searchAssetsRoute, "rep", { query: { cursor: "eyJoIjoieCJ9" } });
    expect(tampered.status).toBe(422);
    expect(tampered.body.error.fieldErrors).toHaveProperty("cursor");
    const badId = await call(searchAssetsRoute, "rep", { query: { stageIds: "not-a-uuid" } });
    expect(badId.status).toBe(422);
    const badType = await call(searchAssetsRoute, "rep", { query: { types: "deck,nonsense" } });
    expect(badType.status).toBe(422);
    const tooMany = await call(searchAssetsRoute, "rep", { query: { limit: "51" } });
    expect(tooMany.status).toBe(422);
    expect((await call(searchAssetsRoute, "badToken")).status).toBe(401);
  });

  it("answers injection-shaped words normally and suggests titles when nothing matches", async () => {
    await createSearchAsset(handle.db, ws, { title: "Escapement handbook" });
    for (const q of ["'; drop table assets; --", "a:*|!("]) {
      expect((await call(searchAssetsRoute, "rep", { query: { q } })).status).toBe(200);
    }
    const none = await call(searchAssetsRoute, "rep", { query: { q: "zzqqxx" } });
    expect(none.body.total).toBe(0);
    const near = await call(searchAssetsRoute, "rep", { query: { q: "escapemant handbok zzqq" } });
    expect(near.status).toBe(200);
    const suggestionsOrHits = [
      ...near.body.suggestions.map((s: { title: string }) => s.title),
      ...near.body.items.map((i: { title: string }) => i.title),
    ];
    expect(suggestionsOrHits).toContain("Escapement handbook");
  });
});

describe("POST /api/v1/search-clicks", () => {
  it("links an opened result to the searcher's own search, and 404s otherwise", async () => {
    const db = handle.db;
    const asset = await createSearchAsset(db, ws, { title: "Balance wheel primer" });
    const draft = await createSearchAsset(db, ws, { title: "Balance wheel draft", status: "draft" });
    const search = await call(searchAssetsRoute, "rep", { query: { q: "balance wheel" } });
    const searchId = search.body.searchId as number;

    const click = await call(recordSearchClickRoute, "rep", { body: { searchId, assetId: asset.id } });
    expect(click.status).toBe(201);
    const [row] = await db
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.id, click.body.id), eq(activityEvents.kind, "search_click")));
    expect(row).toMatchObject({ assetId: asset.id, query: "balance wheel", filters: { searchId } });

    expect(
      (await call(recordSearchClickRoute, "otherRep", { body: { searchId, assetId: asset.id } })).status,
    ).toBe(404);
    expect(
      (await call(recordSearchClickRoute, "rep", { body: { searchId, assetId: draft.id } })).status,
    ).toBe(404);
  });
});
