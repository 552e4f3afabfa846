import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { searchAssetsRoute } from "@/server/api/routes/search";
import { searchAssets } from "@/server/search/search-assets";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { callRoute, tokensFor } from "../support/call-route";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset } from "./search-support";

/*
 * A search's planner estimates (how many hits to expect before counting them) are kept under the version of
 * the table's statistics they were planned with: the same search again reuses them, a change of statistics
 * or of what the searcher may see plans them anew, and what the search finds never depends on it.
 */
let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;
let partner: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
  partner = await ws.actor(ws.people.partnerHigh);
  for (let i = 0; i < 6; i++)
    await createSearchAsset(handle.db, ws, { title: `Wombatry playbook ${i}`, partnerAccess: "all" });
  await createSearchAsset(handle.db, ws, { title: "Numbatine brief" });
  await handle.db.execute(sql`analyze assets`);
});
afterAll(() => handle.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe("planner estimates", () => {
  it("are planned by a search's first run and reused by the same search, which finds the same", async () => {
    const first = await searchAssets(handle.db, rep, { q: "numbatine" });
    expect(first.estimates.planned).toBeGreaterThan(0);
    expect(first.estimates.cached).toBe(0);
    const again = await searchAssets(handle.db, rep, { q: "numbatine" });
    expect(again.estimates).toEqual({ cached: first.estimates.planned, planned: 0 });
    expect(ids(again.items)).toEqual(ids(first.items));
    expect(again.total).toBe(1);
  });

  it("are planned anew for a searcher who may see other assets", async () => {
    const byRep = await searchAssets(handle.db, rep, { q: "wombatry" });
    expect(byRep.total).toBe(6);
    const byPartner = await searchAssets(handle.db, partner, { q: "wombatry" });
    expect(byPartner.estimates.cached).toBe(0);
    expect(byPartner.estimates.planned).toBeGreaterThan(0);
  });

  it("are planned anew once the table's statistics change, and the search finds what is there now", async () => {
    await searchAssets(handle.db, rep, { q: "quollish" });
    const cached = await searchAssets(handle.db, rep, { q: "quollish" });
    expect(cached.estimates.planned).toBe(0);
    expect(cached.total).toBe(0);
    for (let i = 0; i < 40; i++) await createSearchAsset(handle.db, ws, { title: `Quollish sheet ${i}` });
    await handle.db.execute(sql`analyze assets`);
    const after = await searchAssets(handle.db, rep, { q: "quollish" });
    expect(after.estimates.cached).toBe(0);
    expect(after.estimates.planned).toBeGreaterThan(0);
    expect(after.total).toBe(40);
  });
});

describe("GET /api/v1/assets", () => {
  it("says nothing of reused estimates unless SERVER_TIMING is on", async () => {
    const { rep: token } = await tokensFor(handle.db, ws, ["rep"]);
    await callRoute(searchAssetsRoute, token, { query: { q: "numbatine" } });
    const res = await callRoute(searchAssetsRoute, token, { query: { q: "numbatine" } });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.headers.get("server-timing")).toBeNull();
  });
});
