import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assets,
  buyingStages,
  dealPlaySteps,
  dealPlays,
  deals,
  playStepAssets,
  playSteps,
  plays,
} from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, canEditDeal, dealVisibility } from "@/server/authz/visibility";
import { logUsage } from "@/server/usage/log-usage";
import { stepsOfPlays, type PlayStep } from "./play-queries";

async function editableOpenDeal(tx: Database, actor: Actor, dealId: string) {
  const [deal] = await tx
    .select()
    .from(deals)
    .where(and(eq(deals.id, dealId), dealVisibility(actor)));
  if (!deal) throw notFound("Deal not found");
  if (!canEditDeal(actor, deal)) throw new AppError("forbidden", "Only the deal's owner can run plays on it");
  if (deal.status !== "open") throw new AppError("conflict", `The deal is already ${deal.status}`);
  return deal;
}

/** Starts running a play on a deal (attaching it twice is a no-op). */
export async function attachPlay(db: Database, actor: Actor, input: { dealId: string; playId: string }) {
  return db.transaction(async (tx) => {
    const deal = await editableOpenDeal(tx, actor, input.dealId);
    const [play] = await tx
      .select({ id: plays.id, name: plays.name })
      .from(plays)
      .where(and(eq(plays.id, input.playId), eq(plays.workspaceId, actor.workspaceId)));
    if (!play) throw notFound("Play not found");
    const [created] = await tx
      .insert(dealPlays)
      .values({ dealId: deal.id, playId: play.id, attachedById: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(dealPlays)
        .where(and(eq(dealPlays.dealId, deal.id), eq(dealPlays.playId, play.id)));
      return { dealPlay: existing!, created: false };
    }
    await recordActorAudit(tx, actor, "deal.play_attached", deal.id, { playId: play.id, name: play.name });
    return { dealPlay: created, created: true };
  });
}

/**
 * Marks a play step done on a deal and records a usage of each of its assets at the deal's current stage.
 * Doing it twice (a double click, a retry, two tabs) counts once: the step's row is unique per deal play,
 * the deal play is locked while completing, and each usage carries a key derived from deal play, step and
 * asset.
 */
export async function completePlayStep(
  db: Database,
  actor: Actor,
  input: { dealPlayId: string; stepId: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ dealPlay: dealPlays, playName: plays.name })
      .from(dealPlays)
      .innerJoin(plays, eq(plays.id, dealPlays.playId))
      .innerJoin(deals, eq(deals.id, dealPlays.dealId))
      .where(and(eq(dealPlays.id, input.dealPlayId), dealVisibility(actor)))
      .for("update", { of: dealPlays });
    if (!row) throw notFound("Play not found on this deal");
    const deal = await editableOpenDeal(tx, actor, row.dealPlay.dealId);
    const [step] = await tx
      .select()
      .from(playSteps)
      .where(and(eq(playSteps.id, input.stepId), eq(playSteps.playId, row.dealPlay.playId)));
    if (!step) throw notFound("Step not found");
    const [done] = await tx
      .select()
      .from(dealPlaySteps)
      .where(and(eq(dealPlaySteps.dealPlayId, row.dealPlay.id), eq(dealPlaySteps.stepId, step.id)));
    if (done) return { completion: done, usageIds: [] as string[], created: false };

    const stepAssets = await tx
      .select({ id: assets.id })
      .from(playStepAssets)
      .innerJoin(assets, eq(assets.id, playStepAssets.assetId))
      .where(and(eq(playStepAssets.stepId, step.id), assetVisibility(actor), eq(assets.status, "published")))
      .orderBy(asc(playStepAssets.position));
    const usageIds: string[] = [];
    for (const asset of stepAssets) {
      const { usage } = await logUsage(tx, actor, {
        assetId: asset.id,
        dealId: deal.id,
        kind: "sent",
        note: `Play “${row.playName}”: ${step.title}`,
        idempotencyKey: `play:${row.dealPlay.id}:${step.id}:${asset.id}`,
      });
      usageIds.push(usage.id);
    }
    const [completion] = await tx
      .insert(dealPlaySteps)
      .values({
        dealPlayId: row.dealPlay.id,
        stepId: step.id,
        stageId: deal.stageId,
        completedById: actor.userId,
      })
      .returning();
    await recordActorAudit(tx, actor, "deal.play_step_done", deal.id, {
      playId: row.dealPlay.playId,
      stepId: step.id,
      usageIds,
    });
    return { completion: completion!, usageIds, created: true };
  });
}

export interface DealPlayProgress {
  dealPlayId: string;
  playId: string;
  name: string;
  scenario: string;
  done: number;
  total: number;
  steps: (PlayStep & { doneAt: Date | null })[];
  /** The steps for the deal's current stage. */
  forStage: (PlayStep & { doneAt: Date | null })[];
  /** With nothing left at this stage: the first step not done at a later stage. */
  upNext: (PlayStep & { doneAt: Date | null }) | null;
}

/** Each play running on a deal the actor can see: progress, this stage's steps and what comes next. */
export async function dealPlayProgress(
  db: Database,
  actor: Actor,
  dealId: string,
): Promise<DealPlayProgress[]> {
  const [deal] = await db
    .select({ id: deals.id, stageId: deals.stageId, stagePosition: buyingStages.position })
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .where(and(eq(deals.id, dealId), dealVisibility(actor)));
  if (!deal) throw notFound("Deal not found");
  const attached = await db
    .select({ id: dealPlays.id, playId: plays.id, name: plays.name, scenario: plays.scenario })
    .from(dealPlays)
    .innerJoin(plays, eq(plays.id, dealPlays.playId))
    .where(eq(dealPlays.dealId, deal.id))
    .orderBy(asc(dealPlays.attachedAt));
  if (attached.length === 0) return [];
  const [steps, completions] = await Promise.all([
    stepsOfPlays(
      db,
      actor,
      attached.map((a) => a.playId),
    ),
    db
      .select()
      .from(dealPlaySteps)
      .where(
        inArray(
          dealPlaySteps.dealPlayId,
          attached.map((a) => a.id),
        ),
      ),
  ]);
  return attached.map((a) => {
    const mine = steps
      .filter((s) => s.playId === a.playId)
      .map((s) => ({
        ...s,
        doneAt: completions.find((c) => c.dealPlayId === a.id && c.stepId === s.id)?.completedAt ?? null,
      }));
    const forStage = mine.filter((s) => s.stageId === deal.stageId);
    const upNext = forStage.some((s) => !s.doneAt)
      ? null
      : (mine.find((s) => !s.doneAt && s.stagePosition > deal.stagePosition) ?? null);
    return {
      dealPlayId: a.id,
      playId: a.playId,
      name: a.name,
      scenario: a.scenario,
      done: mine.filter((s) => s.doneAt).length,
      total: mine.length,
      steps: mine,
      forStage,
      upNext,
    };
  });
}
