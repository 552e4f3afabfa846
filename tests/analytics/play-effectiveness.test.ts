import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { dealPlaySteps, dealPlays, deals, playSteps, plays } from "@/db/schema";
import { listClosedDealsWhere } from "@/server/analytics/drill-down";
import { wilsonInterval } from "@/server/analytics/metrics";
import { listPlayEffectiveness, playDealsSql } from "@/server/analytics/play-effectiveness";
import { createTestDatabase } from "../support/test-db";
import { createTestDeal, createTestWorkspace, type TestWorkspace } from "../support/factories";

/*
 * Known answers, worked out by hand. Play P has steps at stages 1 and 2 (entry stage 1); play Q has no steps.
 *   R: 12 deals that reached stage 2 and ran P: 9 won, 3 lost; 3 of them had one step done.
 *   Noise for P: a won deal that ran P and was reopened (open again), two open deals running P (one with
 *   two steps done), a lost deal that ran P closed two years ago and attached then (outside the period).
 *   N1: 10 deals that reached stage 1, no play: 4 won, 6 lost.
 *   N0: 3 deals still at stage 0 that were won, no play: below P's entry stage.
 * P: used 9 / 3 (rate 0.75); baseline reached stage 1 without P = N1 = 4 / 6 (0.4); lift 0.35.
 *    Deals running it in the period: 12 + 1 reopened + 2 open = 15; steps done 3 + 2 = 5.
 * Q: used 0 / 0 -> too few; baseline = every closed deal in the period = 9 + 4 + 3 = 16 won, 3 + 6 = 9 lost.
 */
let handle: DatabaseHandle;
let ws: TestWorkspace;
let P: string, Q: string;
const period = { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10) };
const recently = new Date(Date.now() - 20 * 86_400_000);
const longAgo = new Date(Date.now() - 2 * 365 * 86_400_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  ws = await createTestWorkspace(db);
  const [s0, s1, s2] = [ws.stages[0]!.id, ws.stages[1]!.id, ws.stages[2]!.id];
  const [p, q] = await db
    .insert(plays)
    .values([
      { workspaceId: ws.workspace.id, name: "Competitive displacement" },
      { workspaceId: ws.workspace.id, name: "Healthcare expansion" },
    ])
    .returning();
  [P, Q] = [p!.id, q!.id];
  const steps = await db
    .insert(playSteps)
    .values([
      { playId: P, position: 0, stageId: s1, title: "Send the battlecard" },
      { playId: P, position: 1, stageId: s2, title: "Present the ROI study" },
    ])
    .returning();
  const deal = async (
    stageId: string,
    status: "won" | "lost" | "open",
    opts: { play?: boolean; stepsDone?: number; closedAt?: Date } = {},
  ) => {
    const d = await createTestDeal(db, ws, { stageId });
    if (opts.play) {
      const [dp] = await db
        .insert(dealPlays)
        .values({ dealId: d.id, playId: P, attachedAt: opts.closedAt ?? recently })
        .returning();
      const done = steps.slice(0, opts.stepsDone ?? 0);
      if (done.length)
        await db
          .insert(dealPlaySteps)
          .values(done.map((s) => ({ dealPlayId: dp!.id, stepId: s.id, stageId: s.stageId })));
    }
    if (status !== "open")
      await db
        .update(deals)
        .set({ status, closedAt: opts.closedAt ?? recently })
        .where(eq(deals.id, d.id));
    return d.id;
  };
  for (let i = 0; i < 12; i++)
    await deal(s2, i < 9 ? "won" : "lost", { play: true, stepsDone: i < 3 ? 1 : 0 });
  const reopened = await deal(s2, "won", { play: true });
  await db.update(deals).set({ status: "open", closedAt: null }).where(eq(deals.id, reopened));
  await deal(s1, "open", { play: true, stepsDone: 2 });
  await deal(s2, "open", { play: true });
  await deal(s2, "lost", { play: true, closedAt: longAgo });
  for (let i = 0; i < 10; i++) await deal(s1, i < 4 ? "won" : "lost");
  for (let i = 0; i < 3; i++) await deal(s0, "won");
});
afterAll(() => handle.close());

describe("play effectiveness", () => {
  it("compares deals that ran a play with comparable deals that did not", async () => {
    const rows = await listPlayEffectiveness(handle.db, ws.workspace.id, period);
    expect(rows.map((r) => r.name)).toEqual(["Competitive displacement", "Healthcare expansion"]);
    const [p, q] = rows;
    expect(p).toMatchObject({ playId: P, steps: 2, dealsRunning: 15, stepsDone: 5, verdict: "higher" });
    expect(p!.used).toMatchObject({ won: 9, lost: 3, closed: 12, rate: 0.75 });
    expect(p!.used.interval).toEqual(wilsonInterval(9, 12));
    expect(p!.baseline).toMatchObject({ won: 4, lost: 6, closed: 10, rate: 0.4 });
    expect(p!.lift).toBeCloseTo(0.35, 10);
    expect(q).toMatchObject({ playId: Q, steps: 0, dealsRunning: 0, stepsDone: 0, lift: null });
    expect(q!.verdict).toBe("too_few");
    expect(q!.used).toMatchObject({ won: 0, lost: 0, rate: null, interval: null });
    expect(q!.baseline).toMatchObject({ won: 16, lost: 9 });
  });

  it("with a period that holds only the old deal, counts it and nothing else", async () => {
    const day = longAgo.toISOString().slice(0, 10);
    const [p] = await listPlayEffectiveness(handle.db, ws.workspace.id, { from: day, to: day });
    expect(p).toMatchObject({ dealsRunning: 1, stepsDone: 0, lift: null, verdict: "too_few" });
    expect(p!.used).toMatchObject({ won: 0, lost: 1 });
    expect(p!.baseline).toMatchObject({ won: 0, lost: 0 });
  });

  it("drills down to exactly the deals behind each side", async () => {
    const list = (side: "used" | "baseline") =>
      listClosedDealsWhere(handle.db, ws.workspace.id, period, playDealsSql(ws.workspace.id, P, side));
    const used = await list("used");
    expect(used).toHaveLength(12);
    expect(used.filter((d) => d.status === "won")).toHaveLength(9);
    const baseline = await list("baseline");
    expect(baseline).toHaveLength(10);
    expect(baseline.filter((d) => d.status === "won")).toHaveLength(4);
  });

  it("keeps other workspaces' plays out", async () => {
    const other = await createTestWorkspace(handle.db);
    expect(await listPlayEffectiveness(handle.db, other.workspace.id, period)).toEqual([]);
  });
});
