import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { getAssetAnalyticsRoute, listAssetAnalyticsRoute } from "@/server/api/routes/analytics";
import { createApiToken } from "@/server/tokens/token-service";
import { postComment } from "@/server/feedback/asset-comments";
import { rateAsset } from "@/server/feedback/rate-asset";
import { logUsage } from "@/server/usage/log-usage";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let tokens: { rep: string; marketer: string };

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  tokens = {
    rep: (await createApiToken(handle.db, await ws.actor(ws.people.rep), "rep")).secret,
    marketer: (await createApiToken(handle.db, await ws.actor(ws.people.marketer), "mk")).secret,
  };
});
afterAll(() => handle.close());

function get(query: string, token: string) {
  const request = new Request(`http://localhost/api/v1/analytics/assets?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return listAssetAnalyticsRoute.handler(request, { params: Promise.resolve({}) });
}

describe("GET /api/v1/analytics/assets", () => {
  it("gives a marketer every asset's numbers, filtered and sorted", async () => {
    const deck = await createTestAsset(handle.db, ws, { title: "API deck", type: "deck" });
    await createTestAsset(handle.db, ws, { title: "API study", type: "case_study" });
    const deal = await createTestDeal(handle.db, ws);
    await logUsage(handle.db, await ws.actor(ws.people.rep), {
      assetId: deck.id,
      dealId: deal.id,
      kind: "sent",
      note: "",
    });

    const res = await get("sort=usages", tokens.marketer);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.data[0]).toMatchObject({
      assetId: deck.id,
      usages: 1,
      deals: 1,
      reps: 1,
      verdict: "too_few",
      lift: null,
    });

    const decks = await (await get("type=deck", tokens.marketer)).json();
    expect(decks.data.map((r: { title: string }) => r.title)).toEqual(["API deck"]);
    const otherStage = await (await get(`stageId=${ws.stages[3]!.id}&sort=usages`, tokens.marketer)).json();
    expect(otherStage.data.find((r: { assetId: string }) => r.assetId === deck.id).usages).toBe(0);
  });

  it("GET /api/v1/analytics/assets/{id} gives one asset by stage, and 404 for an unknown id", async () => {
    const deck = await createTestAsset(handle.db, ws, { title: "API detail deck" });
    const deal = await createTestDeal(handle.db, ws);
    await logUsage(handle.db, await ws.actor(ws.people.rep), {
      assetId: deck.id,
      dealId: deal.id,
      kind: "sent",
      note: "",
    });
    const call = (id: string) =>
      getAssetAnalyticsRoute.handler(
        new Request(`http://localhost/api/v1/analytics/assets/${id}`, {
          headers: { authorization: `Bearer ${tokens.marketer}` },
        }),
        { params: Promise.resolve({ id }) },
      );
    const res = await call(deck.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ overall: { assetId: deck.id, usages: 1 }, byStage: [] });
    expect((await call("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("gives each asset's feedback counts next to its usage, with one grouped pass", async () => {
    const rated = await createTestAsset(handle.db, ws, { title: "API rated one-pager" });
    const rep = await ws.actor(ws.people.rep);
    const other = await ws.actor(ws.people.otherRep);
    const admin = await ws.actor(ws.people.admin);
    await rateAsset(handle.db, rep, rated.id, { helped: true, reason: null, reasonText: "" });
    await rateAsset(handle.db, other, rated.id, { helped: false, reason: "outdated", reasonText: "" });
    await rateAsset(handle.db, admin, rated.id, { helped: true, reason: null, reasonText: "" });
    // The rep changes their mind: one rating per person, the latest counts.
    await rateAsset(handle.db, rep, rated.id, { helped: false, reason: "missing_data", reasonText: "" });
    const q = { kind: "question" as const, mentionUserIds: [] };
    await postComment(handle.db, rep, rated.id, { ...q, body: "Is there a 2026 version?" });
    await postComment(handle.db, other, rated.id, { ...q, body: "Which customers agreed to be named?" });
    await postComment(handle.db, other, rated.id, {
      kind: "comment",
      mentionUserIds: [],
      body: "Worked well in a renewal.",
    });

    const body = await (await get("sort=title&limit=1000", tokens.marketer)).json();
    const row = body.data.find((r: { assetId: string }) => r.assetId === rated.id);
    expect(row).toMatchObject({ helped: 1, notHelped: 2, openQuestions: 2 });
    const unrated = body.data.find((r: { title: string }) => r.title === "API study");
    expect(unrated).toMatchObject({ helped: 0, notHelped: 0, openQuestions: 0 });
    // Ratings outside the period do not count; open questions are the state now.
    const past = await (await get("from=2020-01-01&to=2020-12-31&limit=1000", tokens.marketer)).json();
    expect(past.data.find((r: { assetId: string }) => r.assetId === rated.id)).toMatchObject({
      helped: 0,
      notHelped: 0,
      openQuestions: 2,
    });
  });

  it("refuses a rep and rejects malformed filters", async () => {
    expect((await get("", tokens.rep)).status).toBe(403);
    const bad = await get("stageId=nope&from=yesterday", tokens.marketer);
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["stageId", "from"]),
    );
  });
});
