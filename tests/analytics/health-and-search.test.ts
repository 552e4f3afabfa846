import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assets, assetUsages, deals } from "@/db/schema";
import { listDealsBehind } from "@/server/analytics/drill-down";
import { libraryHealth } from "@/server/analytics/library-health";
import { searchInsight } from "@/server/analytics/search-insight";
import { stageHeatmap } from "@/server/analytics/stage-heatmap";
import { recordSearch, recordSearchClick } from "@/server/search/search-analytics";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const DAY = 86_400_000;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

describe("library health", () => {
  it("lists never-used assets oldest first with owner, idle and outdated ones, and usage concentration", async () => {
    const db = handle.db;
    const mk = async (title: string, publishedDaysAgo: number, extra: { expiresAt?: Date } = {}) => {
      const a = await createTestAsset(db, ws, { title, ...extra });
      await db
        .update(assets)
        .set({ publishedAt: new Date(Date.now() - publishedDaysAgo * DAY) })
        .where(eq(assets.id, a.id));
      return a;
    };
    const newer = await mk("Newer unused", 10);
    const older = await mk("Older unused", 400);
    const idle = await mk("Idle", 300);
    const busy = await mk("Busy", 200);
    const expired = await mk("Expired", 100, { expiresAt: new Date(Date.now() - DAY) });
    await createTestAsset(db, ws, { title: "Draft", status: "draft" });
    const deal = await createTestDeal(db, ws);
    const use = (assetId: string, daysAgo: number) => ({
      workspaceId: ws.workspace.id,
      assetId,
      dealId: deal.id,
      stageId: ws.stages[1]!.id,
      actorId: ws.people.rep.id,
      createdAt: new Date(Date.now() - daysAgo * DAY),
    });
    await db
      .insert(assetUsages)
      .values([use(idle.id, 120), ...Array.from({ length: 9 }, () => use(busy.id, 5)), use(expired.id, 3)]);

    const h = await libraryHealth(db, ws.workspace.id, 90);
    expect(h.published).toBe(5);
    expect(h.neverUsed.map((a) => a.title)).toEqual([older.title, newer.title]);
    expect(h.neverUsed[0]!.ownerName).toBe(ws.people.marketer.name);
    expect(h.stale.map((a) => a.title)).toEqual([idle.title]);
    expect(h.outdated.map((a) => a.title)).toEqual([expired.title]);
    // 11 usages over 5 published assets: the top 10% (one asset, "Busy") holds 9 of them.
    expect(h.topDecileShare).toBeCloseTo(9 / 11, 6);
  });
});

describe("search insight", () => {
  it("counts top, zero-result and no-click searches by their words, with a weekly trend", async () => {
    const db = handle.db;
    const rep = await ws.actor(ws.people.rep);
    const asset = await createTestAsset(db, ws, { title: "Pricing sheet" });
    const clicked = await recordSearch(db, rep, { query: "Pricing", filters: {}, resultCount: 3 });
    await recordSearchClick(db, rep, { searchId: clicked, assetId: asset.id });
    await recordSearch(db, rep, { query: "pricing ", filters: {}, resultCount: 3 });
    await recordSearch(db, rep, { query: "hipaa checklist", filters: {}, resultCount: 0 });
    await recordSearch(db, rep, { query: "hipaa checklist", filters: {}, resultCount: 0 });
    await recordSearch(db, rep, { query: "  ", filters: {}, resultCount: 9 });

    const s = await searchInsight(db, ws.workspace.id, {});
    expect(s.top.map((t) => [t.query, t.searches])).toEqual([
      ["hipaa checklist", 2],
      ["pricing", 2],
    ]);
    expect(s.zeroResult.map((t) => [t.query, t.zeroResults])).toEqual([["hipaa checklist", 2]]);
    expect(s.noClick.map((t) => [t.query, t.noClick])).toEqual([["pricing", 1]]);
    expect(s.weeks.reduce((n, w) => n + w.searches, 0)).toBe(4);
    expect(s.weeks.reduce((n, w) => n + w.zeroResults, 0)).toBe(2);
  });
});

describe("heatmap and drill-down", () => {
  it("puts usages and outcomes in the right asset x stage cell and lists the deals behind them", async () => {
    const db = handle.db;
    const [s1, s2] = [ws.stages[1]!.id, ws.stages[2]!.id];
    const asset = await createTestAsset(db, ws, { title: "Heat deck" });
    const won = await createTestDeal(db, ws, { stageId: s2 });
    const lost = await createTestDeal(db, ws, { stageId: s2 });
    const without = await createTestDeal(db, ws, { stageId: s2 });
    const row = (dealId: string, stageId: string) => ({
      workspaceId: ws.workspace.id,
      assetId: asset.id,
      dealId,
      stageId,
      actorId: ws.people.rep.id,
    });
    await db.insert(assetUsages).values([row(won.id, s1), row(won.id, s1), row(lost.id, s2)]);
    await db.update(deals).set({ status: "won", closedAt: new Date() }).where(eq(deals.id, won.id));
    await db.update(deals).set({ status: "lost", closedAt: new Date() }).where(eq(deals.id, lost.id));
    await db.update(deals).set({ status: "won", closedAt: new Date() }).where(eq(deals.id, without.id));

    const heat = (await stageHeatmap(db, ws.workspace.id, {})).find((r) => r.assetId === asset.id)!;
    expect(heat.usages).toBe(3);
    expect(heat.cells.find((c) => c.stageId === s1)).toMatchObject({ usages: 2, usedClosed: 1, winRate: 1 });
    expect(heat.cells.find((c) => c.stageId === s2)).toMatchObject({ usages: 1, usedClosed: 1, winRate: 0 });

    const used = await listDealsBehind(db, ws.workspace.id, {}, asset.id, "used");
    expect(used.map((d) => d.id).sort()).toEqual([won.id, lost.id].sort());
    const atS2 = await listDealsBehind(db, ws.workspace.id, { stageId: s2 }, asset.id, "used");
    expect(atS2.map((d) => d.id)).toEqual([lost.id]);
    const baseline = await listDealsBehind(db, ws.workspace.id, {}, asset.id, "baseline");
    expect(baseline.map((d) => d.id)).toContain(without.id);
    expect(baseline.map((d) => d.id)).not.toContain(won.id);
  });
});
