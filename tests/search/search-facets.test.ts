import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetTerms, dealTerms, deals } from "@/db/schema";
import { eq } from "drizzle-orm";
import { assetFacets, type Facets } from "@/server/search/asset-facets";
import { recommendForDeal } from "@/server/search/recommend-for-deal";
import { searchAssets } from "@/server/search/search-assets";
import { logUsage } from "@/server/usage/log-usage";
import { createTestDeal, createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const countOf = (facets: Facets, facet: keyof Facets, value: string) =>
  facets[facet].find((v) => v.value === value)?.count ?? 0;

describe("assetFacets", () => {
  it("counts under the viewer's visibility: a tier-gated asset is not counted for a lower-tier partner", async () => {
    const db = handle.db;
    const industry = await createTerm(db, ws, "industry", "Aquaculture");
    const [stage1, stage2] = [ws.stages[0]!.id, ws.stages[1]!.id];
    await createSearchAsset(db, ws, {
      title: "Marlinspike for all partners",
      partnerAccess: "all",
      stageIds: [stage1],
      termIds: [industry.id],
    });
    await createSearchAsset(db, ws, {
      title: "Marlinspike platinum only",
      partnerAccess: "tier",
      minPartnerTierId: ws.tiers[3]!.id,
      stageIds: [stage1, stage2],
      termIds: [industry.id],
    });
    await createSearchAsset(db, ws, { title: "Marlinspike internal", stageIds: [stage2] });

    const low = await assetFacets(db, await ws.actor(ws.people.partnerLow), { q: "marlinspike" });
    const high = await assetFacets(db, await ws.actor(ws.people.partnerHigh), { q: "marlinspike" });
    const rep = await assetFacets(db, await ws.actor(ws.people.rep), { q: "marlinspike" });
    expect(countOf(low, "stage", stage1)).toBe(1);
    expect(countOf(low, "stage", stage2)).toBe(0);
    expect(countOf(low, "industry", industry.id)).toBe(1);
    expect(countOf(high, "stage", stage1)).toBe(2);
    expect(countOf(high, "industry", industry.id)).toBe(2);
    expect(countOf(rep, "stage", stage2)).toBe(2);
    // Partners are not told who owns what.
    expect(low.owner).toEqual([]);
    expect(countOf(rep, "owner", ws.people.marketer.id)).toBe(3);
    // Only the hits' owners are listed, and an owner selected though owning none of them.
    expect(rep.owner.map((o) => o.value)).toEqual([ws.people.marketer.id]);
    const chosen = await assetFacets(db, await ws.actor(ws.people.rep), {
      q: "marlinspike",
      ownerIds: [ws.people.admin.id],
    });
    expect(chosen.owner.map((o) => [o.value, o.count]).sort()).toEqual(
      [
        [ws.people.admin.id, 0],
        [ws.people.marketer.id, 3],
      ].sort(),
    );
    // The result list agrees with the counts.
    const lowActor = await ws.actor(ws.people.partnerLow);
    expect((await searchAssets(db, lowActor, { q: "marlinspike" })).total).toBe(1);
  });

  it("never counts drafts, archived or expired assets for reps", async () => {
    const db = handle.db;
    const rep = await ws.actor(ws.people.rep);
    const stage = ws.stages[2]!.id;
    await createSearchAsset(db, ws, { title: "Quillback live", stageIds: [stage] });
    await createSearchAsset(db, ws, { title: "Quillback draft", status: "draft", stageIds: [stage] });
    await createSearchAsset(db, ws, { title: "Quillback archived", status: "archived", stageIds: [stage] });
    await createSearchAsset(db, ws, {
      title: "Quillback expired",
      stageIds: [stage],
      expiresAt: new Date(Date.now() - 1000),
    });
    const facets = await assetFacets(db, rep, { q: "quillback" });
    expect(countOf(facets, "stage", stage)).toBe(1);
    expect(facets.type.reduce((n, v) => n + (v.count ?? 0), 0)).toBe(1);
    expect(countOf(facets, "freshness", "30d")).toBe(1);
    const marketerFacets = await assetFacets(db, await ws.actor(ws.people.marketer), { q: "quillback" });
    expect(countOf(marketerFacets, "stage", stage)).toBe(4);
  });

  it("applies every other facet's filter but not its own (OR within a facet, AND across)", async () => {
    const db = handle.db;
    const rep = await ws.actor(ws.people.rep);
    const [s0, s1] = [ws.stages[0]!.id, ws.stages[1]!.id];
    const fintech = await createTerm(db, ws, "industry", "Fintech");
    const retail = await createTerm(db, ws, "industry", "Retail");
    await createSearchAsset(db, ws, { title: "Wobbegong a", stageIds: [s0], termIds: [fintech.id] });
    await createSearchAsset(db, ws, { title: "Wobbegong b", stageIds: [s1], termIds: [fintech.id] });
    await createSearchAsset(db, ws, { title: "Wobbegong c", stageIds: [s1], termIds: [retail.id] });
    const params = { q: "wobbegong", stageIds: [s0], industryIds: [fintech.id] };
    const facets = await assetFacets(db, rep, params);
    // Stage counts ignore the stage selection but keep the industry one.
    expect(countOf(facets, "stage", s0)).toBe(1);
    expect(countOf(facets, "stage", s1)).toBe(1);
    // Industry counts ignore the industry selection but keep the stage one.
    expect(countOf(facets, "industry", fintech.id)).toBe(1);
    expect(countOf(facets, "industry", retail.id)).toBe(0);
    expect((await searchAssets(db, rep, params)).total).toBe(1);
    expect((await searchAssets(db, rep, { ...params, stageIds: [s0, s1] })).total).toBe(2);
    expect(
      (await searchAssets(db, rep, { q: "wobbegong", industryIds: [fintech.id, retail.id] })).total,
    ).toBe(3);
  });
});

describe("recommendForDeal", () => {
  it("ranks the deal's stage assets by matching tags, then by lift, then by usage", async () => {
    const db = handle.db;
    const rep = await ws.actor(ws.people.rep);
    const stage = ws.stages[3]!.id;
    const industry = await createTerm(db, ws, "industry", "Shipbuilding");
    const deal = await createTestDeal(db, ws, { stageId: stage });
    await db.insert(dealTerms).values({ dealId: deal.id, termId: industry.id });
    const plain = await createSearchAsset(db, ws, { title: "Generic stage asset", stageIds: [stage] });
    const proven = await createSearchAsset(db, ws, { title: "Proven stage asset", stageIds: [stage] });
    const matching = await createSearchAsset(db, ws, { title: "Shipbuilding story", stageIds: [stage] });
    await db.insert(assetTerms).values({ assetId: matching.id, termId: industry.id });
    await createSearchAsset(db, ws, { title: "Other stage", stageIds: [ws.stages[0]!.id] });
    await createSearchAsset(db, ws, { title: "Draft at stage", status: "draft", stageIds: [stage] });
    // "proven" was used in a deal that was won: too few deals for a lift, so its usage ranks it.
    const won = await createTestDeal(db, ws, { stageId: stage });
    await logUsage(db, rep, { assetId: proven.id, dealId: won.id, kind: "sent", note: "" });
    await db.update(deals).set({ status: "won" }).where(eq(deals.id, won.id));

    const recs = await recommendForDeal(db, rep, deal.id, 10);
    expect(recs.map((r) => r.id)).toEqual([matching.id, proven.id, plain.id]);
    expect(recs[0]!.matchCount).toBe(1);
    expect(recs[1]!.lift).toBeNull();
    expect(recs[1]!.usageCount).toBe(1);
  });
});
