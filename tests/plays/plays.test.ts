import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetUsages, auditLog, dealPlaySteps } from "@/db/schema";
import type { Role } from "@/lib/roles";
import { actorCan, type Permission } from "@/server/authz/permissions";
import { moveDealStage } from "@/server/deals/deal-services";
import { attachPlay, completePlayStep, dealPlayProgress } from "@/server/plays/deal-plays";
import { listPlays } from "@/server/plays/play-queries";
import { savePlay } from "@/server/plays/save-play";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

/** A person of this role without the channel-manager duty. */
const as = (role: Role) => ({ role, channelManager: false });

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

async function twoStagePlay(name: string) {
  const [discovery, evaluation] = [ws.stages[1]!, ws.stages[2]!];
  const intro = await createTestAsset(handle.db, ws, { title: `${name} intro deck` });
  const roi = await createTestAsset(handle.db, ws, { title: `${name} ROI model` });
  const brief = await createTestAsset(handle.db, ws, { title: `${name} brief` });
  const marketer = await ws.actor(ws.people.marketer);
  const { id } = await savePlay(handle.db, marketer, {
    name,
    scenario: "Displace an incumbent warehouse",
    steps: [
      {
        stageId: discovery.id,
        title: "Open with the pain",
        guidance: "After the discovery call",
        assetIds: [intro.id],
      },
      { stageId: evaluation.id, title: "Prove the value", guidance: "", assetIds: [roi.id, brief.id] },
    ],
  });
  return { id, discovery, evaluation, assets: { intro, roi, brief } };
}

async function usagesOn(dealId: string) {
  return handle.db.select().from(assetUsages).where(eq(assetUsages.dealId, dealId));
}

describe("plays on deals", () => {
  it("shows this stage's step, records usages when done, and the next step after a stage move", async () => {
    const play = await twoStagePlay("Competitive displacement A");
    const rep = await ws.actor(ws.people.rep);
    const deal = await createTestDeal(handle.db, ws, { stageId: play.discovery.id });
    const { dealPlay } = await attachPlay(handle.db, rep, { dealId: deal.id, playId: play.id });

    let [progress] = await dealPlayProgress(handle.db, rep, deal.id);
    expect(progress).toMatchObject({ name: "Competitive displacement A", done: 0, total: 2, upNext: null });
    expect(progress!.forStage.map((s) => s.title)).toEqual(["Open with the pain"]);
    expect(progress!.forStage[0]!.assets.map((a) => a.id)).toEqual([play.assets.intro.id]);

    const first = await completePlayStep(handle.db, rep, {
      dealPlayId: dealPlay.id,
      stepId: progress!.forStage[0]!.id,
    });
    expect(first.created).toBe(true);
    [progress] = await dealPlayProgress(handle.db, rep, deal.id);
    expect(progress).toMatchObject({ done: 1, total: 2 });
    // Nothing left at Discovery: the Evaluation step comes up next.
    expect(progress!.upNext?.title).toBe("Prove the value");

    await moveDealStage(handle.db, rep, deal.id, play.evaluation.id);
    [progress] = await dealPlayProgress(handle.db, rep, deal.id);
    expect(progress!.forStage.map((s) => [s.title, s.doneAt])).toEqual([["Prove the value", null]]);
    expect(progress!.upNext).toBeNull();

    await completePlayStep(handle.db, rep, { dealPlayId: dealPlay.id, stepId: progress!.forStage[0]!.id });
    [progress] = await dealPlayProgress(handle.db, rep, deal.id);
    expect(progress).toMatchObject({ done: 2, total: 2 });

    const usages = await usagesOn(deal.id);
    expect(usages.map((u) => [u.assetId, u.stageId]).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual(
      [
        [play.assets.intro.id, play.discovery.id],
        [play.assets.roi.id, play.evaluation.id],
        [play.assets.brief.id, play.evaluation.id],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const listed = (await listPlays(handle.db, rep)).find((p) => p.id === play.id);
    expect(listed).toMatchObject({ steps: 2, deals: 1 });
    const audits = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, deal.id), eq(auditLog.action, "deal.play_step_done")));
    expect(audits).toHaveLength(2);
  });

  it("completing a step twice, even at once, records its usages and the step once", async () => {
    const play = await twoStagePlay("Competitive displacement B");
    const rep = await ws.actor(ws.people.rep);
    const deal = await createTestDeal(handle.db, ws, { stageId: play.evaluation.id });
    const { dealPlay } = await attachPlay(handle.db, rep, { dealId: deal.id, playId: play.id });
    const again = await attachPlay(handle.db, rep, { dealId: deal.id, playId: play.id });
    expect(again).toMatchObject({ created: false, dealPlay: { id: dealPlay.id } });
    const [progress] = await dealPlayProgress(handle.db, rep, deal.id);
    const stepId = progress!.forStage[0]!.id;

    const results = await Promise.all([
      completePlayStep(handle.db, rep, { dealPlayId: dealPlay.id, stepId }),
      completePlayStep(handle.db, rep, { dealPlayId: dealPlay.id, stepId }),
    ]);
    const retry = await completePlayStep(handle.db, rep, { dealPlayId: dealPlay.id, stepId });
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(retry.created).toBe(false);
    expect(await usagesOn(deal.id)).toHaveLength(2);
    const [n] = await handle.db
      .select({ n: count() })
      .from(dealPlaySteps)
      .where(eq(dealPlaySteps.dealPlayId, dealPlay.id));
    expect(n!.n).toBe(1);
  });

  it("only the deal's owner runs plays on it; steps of another play are not found", async () => {
    const play = await twoStagePlay("Competitive displacement C");
    const other = await twoStagePlay("Healthcare expansion C");
    const deal = await createTestDeal(handle.db, ws, { stageId: play.discovery.id });
    const otherRep = await ws.actor(ws.people.otherRep);
    await expect(attachPlay(handle.db, otherRep, { dealId: deal.id, playId: play.id })).rejects.toMatchObject(
      {
        code: "forbidden",
      },
    );
    const rep = await ws.actor(ws.people.rep);
    const { dealPlay } = await attachPlay(handle.db, rep, { dealId: deal.id, playId: play.id });
    const otherDeal = await createTestDeal(handle.db, ws, { stageId: other.discovery.id });
    await attachPlay(handle.db, rep, { dealId: otherDeal.id, playId: other.id });
    const otherSteps = await dealPlayProgress(handle.db, rep, otherDeal.id);
    await expect(
      completePlayStep(handle.db, rep, { dealPlayId: dealPlay.id, stepId: otherSteps[0]!.steps[0]!.id }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      completePlayStep(handle.db, otherRep, { dealPlayId: dealPlay.id, stepId: otherSteps[0]!.steps[0]!.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a play accepts only published assets and keeps done steps when edited", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    await expect(
      savePlay(handle.db, marketer, {
        name: "Draft play",
        scenario: "",
        steps: [{ stageId: ws.stages[1]!.id, title: "Step", guidance: "", assetIds: [draft.id] }],
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });

    const play = await twoStagePlay("Healthcare expansion D");
    const rep = await ws.actor(ws.people.rep);
    const deal = await createTestDeal(handle.db, ws, { stageId: play.discovery.id });
    const { dealPlay } = await attachPlay(handle.db, rep, { dealId: deal.id, playId: play.id });
    const [before] = await dealPlayProgress(handle.db, rep, deal.id);
    await completePlayStep(handle.db, rep, { dealPlayId: dealPlay.id, stepId: before!.steps[0]!.id });

    // The marketer renames the first step, drops the second and adds a new one.
    await savePlay(handle.db, marketer, {
      playId: play.id,
      name: "Healthcare expansion D",
      scenario: "Expand into a second hospital",
      steps: [
        {
          id: before!.steps[0]!.id,
          stageId: play.discovery.id,
          title: "Open with outcomes",
          guidance: "",
          assetIds: [play.assets.intro.id],
        },
        {
          stageId: ws.stages[3]!.id,
          title: "Bring references",
          guidance: "",
          assetIds: [play.assets.brief.id],
        },
      ],
    });
    const [after] = await dealPlayProgress(handle.db, rep, deal.id);
    expect(after!.steps.map((s) => [s.title, s.doneAt !== null])).toEqual([
      ["Open with outcomes", true],
      ["Bring references", false],
    ]);
    expect(after).toMatchObject({ done: 1, total: 2 });
  });
});

describe("who may use plays", () => {
  it("marketers build plays, reps run them, partners see none", () => {
    expect(actorCan(as("marketer"), "plays.write") && !actorCan(as("marketer"), "plays.run")).toBe(true);
    expect(actorCan(as("rep"), "plays.run") && !actorCan(as("rep"), "plays.write")).toBe(true);
    expect(
      ["plays.read", "plays.run", "plays.write"].some((p) => actorCan(as("partner"), p as Permission)),
    ).toBe(false);
  });
});
