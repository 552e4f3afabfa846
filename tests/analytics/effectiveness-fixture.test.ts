import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetUsages, deals } from "@/db/schema";
import { getAssetAnalytics, listAssetAnalytics } from "@/server/analytics/asset-analytics";
import { countOutcomeRowsFromDeals } from "@/server/analytics/effectiveness-query";
import { countOutcomeRowsFromRollups } from "@/server/analytics/outcome-rollup-query";
import { parsePageFilters } from "@/lib/analytics/page-filters";
import { assetStatsSql } from "@/server/search/asset-stats";
import { recommendForDeal } from "@/server/search/recommend-for-deal";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

/*
 * A workspace with known answers, worked out by hand:
 *   G1: 12 deals that reached stage 2, used A at stage 1 and B at stage 2: 9 won, 3 lost, $100 each.
 *   G2: 10 deals that reached stage 2, used A at stage 1 only: 4 won, 6 lost, $200 each.
 *   G3: 10 deals that reached stage 1 only, used nothing: 2 won, 8 lost (one had an A usage, deleted).
 *   G4:  8 deals that reached stage 2, used nothing but C (3 of them, at stage 2): 4 won (C: 2), 4 lost (C: 1).
 *   Noise that must not count: a won A deal reopened, open deals using A, an A deal closed two years ago
 *   (outside the period), D never used.
 * A (entry stage 1): used 22 = 13 won / 9 lost; baseline reached stage 1 without A = G3 + G4 = 6 / 12.
 * B (entry stage 2): used 12 = 9 / 3; baseline reached stage 2 without B = G2 + G4 = 8 / 10.
 * C: used 3 = 2 / 1 -> too few; baseline reached stage 2 without C = 9/3 + 4/6 + 2/3 = 15 / 12.
 */
let handle: DatabaseHandle;
let ws: TestWorkspace;
let A: string, B: string, C: string, D: string;
const period = { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10) };

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ws = await createTestWorkspace(db);
  const [s1, s2] = [ws.stages[1]!.id, ws.stages[2]!.id];
  const ids = await Promise.all(
    ["Fixture A", "Fixture B", "Fixture C", "Fixture D"].map(
      async (title) => (await createTestAsset(db, ws, { title })).id,
    ),
  );
  [A, B, C, D] = ids as [string, string, string, string];
  const usage = (assetId: string, dealId: string, stageId: string) => ({
    workspaceId: ws.workspace.id,
    assetId,
    dealId,
    stageId,
    actorId: ws.people.rep.id,
  });
  const group = async (
    n: number,
    stageId: string,
    outcome: (i: number) => "won" | "lost" | "open",
    amountMinor: number,
    uses: (i: number) => [string, string][],
    closedAt = new Date(Date.now() - 30 * 86_400_000),
  ) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const deal = await createTestDeal(db, ws, { stageId, amountMinor });
      ids.push(deal.id);
      const u = uses(i);
      if (u.length) await db.insert(assetUsages).values(u.map(([a, s]) => usage(a, deal.id, s)));
      const status = outcome(i);
      if (status !== "open") await db.update(deals).set({ status, closedAt }).where(eq(deals.id, deal.id));
    }
    return ids;
  };
  await group(
    12,
    s2,
    (i) => (i < 9 ? "won" : "lost"),
    10_000,
    () => [
      [A, s1],
      [B, s2],
    ],
  );
  await group(
    10,
    s2,
    (i) => (i < 4 ? "won" : "lost"),
    20_000,
    () => [[A, s1]],
  );
  const g3 = await group(
    10,
    s1,
    (i) => (i < 2 ? "won" : "lost"),
    5_000,
    (i) => (i === 0 ? [[A, s1]] : []),
  );
  await db.delete(assetUsages).where(eq(assetUsages.dealId, g3[0]!));
  await group(
    8,
    s2,
    (i) => (i < 4 ? "won" : "lost"),
    7_000,
    (i) => (i === 0 || i === 1 || i === 4 ? [[C, s2]] : []),
  );
  const reopened = await group(
    1,
    s2,
    () => "won",
    99_000,
    () => [[A, s1]],
  );
  await db.update(deals).set({ status: "open", closedAt: null }).where(inArray(deals.id, reopened));
  await group(
    3,
    s2,
    () => "open",
    50_000,
    () => [[A, s1]],
  );
  await group(
    1,
    s2,
    () => "won",
    80_000,
    () => [[A, s1]],
    new Date(Date.now() - 730 * 86_400_000),
  );
});
afterAll(() => handle.close());

describe("asset effectiveness on a fixture with known answers", () => {
  it("computes win rate, baseline, lift, interval and influenced revenue per asset", async () => {
    const rows = await listAssetAnalytics(handle.db, ws.workspace.id, period, "lift");
    const by = new Map(rows.map((r) => [r.assetId, r]));
    const a = by.get(A)!;
    expect(a.used).toMatchObject({ won: 13, lost: 9, closed: 22 });
    expect(a.used.rate).toBeCloseTo(0.590909, 6);
    expect(a.used.interval!.low).toBeCloseTo(0.3873, 4);
    expect(a.used.interval!.high).toBeCloseTo(0.7674, 4);
    expect(a.baseline).toMatchObject({ won: 6, lost: 12, closed: 18 });
    expect(a.baseline.interval!.low).toBeCloseTo(0.1628, 4);
    expect(a.lift).toBeCloseTo(0.257576, 6);
    expect(a.verdict).toBe("higher");
    expect(a.influencedRevenue).toBe(1_700);

    const b = by.get(B)!;
    expect(b.used).toMatchObject({ won: 9, lost: 3, closed: 12 });
    expect(b.baseline).toMatchObject({ won: 8, lost: 10, closed: 18 });
    expect(b.lift).toBeCloseTo(0.75 - 8 / 18, 6);
    expect(b.used.interval!.low).toBeCloseTo(0.4677, 4);
    expect(b.influencedRevenue).toBe(900);

    const c = by.get(C)!;
    expect(c.used).toMatchObject({ won: 2, lost: 1, closed: 3 });
    expect(c.baseline).toMatchObject({ won: 15, lost: 12 });
    expect(c).toMatchObject({ lift: null, verdict: "too_few", influencedRevenue: 140 });

    const d = by.get(D)!;
    expect(d).toMatchObject({ usages: 0, deals: 0, lift: null, verdict: "too_few", influencedRevenue: 0 });
    expect(d.used).toEqual({ won: 0, lost: 0, closed: 0, rate: null, interval: null });

    expect(rows.map((r) => r.assetId).slice(0, 2)).toEqual([B, A]);
  });

  it("counts usage: repeats collapse per deal, deleted usages are gone, distinct deals and reps", async () => {
    const rows = await listAssetAnalytics(handle.db, ws.workspace.id, {}, "usages");
    const a = rows.find((r) => r.assetId === A)!;
    // 12 + 10 + 1 reopened + 3 open + 1 old = 27 usages in 27 deals, one rep; the deleted one is gone.
    expect(a).toMatchObject({ usages: 27, deals: 27, reps: 1 });
  });

  it("per stage: A was used at stage 1 only, B at stage 2 only", async () => {
    const a = await getAssetAnalytics(handle.db, ws.workspace.id, A, period);
    expect(a!.byStage).toHaveLength(1);
    expect(a!.byStage[0]).toMatchObject({ stageId: ws.stages[1]!.id, used: { won: 13, lost: 9 } });
    const atStage2 = await listAssetAnalytics(handle.db, ws.workspace.id, {
      ...period,
      stageId: ws.stages[2]!.id,
    });
    const aAt2 = atStage2.find((r) => r.assetId === A)!;
    expect(aAt2.used.closed).toBe(0);
    const bAt2 = atStage2.find((r) => r.assetId === B)!;
    expect(bAt2.used).toMatchObject({ won: 9, lost: 3 });
    expect(bAt2.baseline).toMatchObject({ won: 8, lost: 10 });
  });

  it("the period decides which closed deals count", async () => {
    const all = await listAssetAnalytics(handle.db, ws.workspace.id, {});
    expect(all.find((r) => r.assetId === A)!.used).toMatchObject({ won: 14, lost: 9 });
    expect(all.find((r) => r.assetId === A)!.influencedRevenue).toBe(2_500);
  });

  it("deal filters narrow both sides: another rep's deals give nothing", async () => {
    const rows = await listAssetAnalytics(handle.db, ws.workspace.id, { repId: ws.people.otherRep.id });
    const a = rows.find((r) => r.assetId === A)!;
    expect(a).toMatchObject({ usages: 0, used: { closed: 0 }, baseline: { closed: 0 } });
  });

  it("the outcome rollups and the deal-level query give the same counts", async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
    const filters = [
      {},
      period,
      { from: day(40), to: day(20) },
      { to: day(31) },
      { to: day(29) },
      { stageId: ws.stages[2]!.id },
      { ...period, type: "case_study" as const },
    ];
    for (const f of filters) {
      for (const grain of ["asset", "asset_stage"] as const) {
        const fromDeals = await countOutcomeRowsFromDeals(handle.db, ws.workspace.id, f, { grain });
        const fromRollups = await countOutcomeRowsFromRollups(handle.db, ws.workspace.id, f, { grain });
        expect(sorted(fromRollups), JSON.stringify({ f, grain })).toEqual(sorted(fromDeals));
      }
    }
  });

  it("search and recommendations rank by the same lift as the dashboard's default period", async () => {
    const defaults = parsePageFilters({}).filters;
    const dashboard = await listAssetAnalytics(handle.db, ws.workspace.id, defaults, "lift");
    const { rows } = await handle.db.execute<{ asset_id: string; lift: number | null; usage_count: number }>(
      assetStatsSql(ws.workspace.id),
    );
    const sqlLift = new Map(rows.map((r) => [r.asset_id, r.lift === null ? null : Number(r.lift)]));
    for (const id of [A, B, C, D]) {
      const expected = dashboard.find((r) => r.assetId === id)!.lift;
      expect(sqlLift.get(id) ?? null, id).toBe(expected);
    }
    expect(sqlLift.get(A)).toBeCloseTo(0.257576, 6);

    // All four are tagged with stage 1. B and A have lifts (B's is higher); C and D have too few deals
    // and follow, C first on usage.
    const deal = await createTestDeal(handle.db, ws, { stageId: ws.stages[1]!.id });
    const rep = await ws.actor(ws.people.rep);
    const recs = await recommendForDeal(handle.db, rep, deal.id, 10);
    expect(recs.map((r) => r.id)).toEqual([B, A, C, D]);
    expect(recs.map((r) => r.lift)).toEqual([B, A, C, D].map((id) => sqlLift.get(id) ?? null));
  });
});
