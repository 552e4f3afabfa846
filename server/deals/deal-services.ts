import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { buyingStages, dealStageHistory, deals, lossReasons } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { closeDealSchema } from "@/lib/schemas/deals";
import { recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { canEditDeal, dealVisibility } from "@/server/authz/visibility";

async function lockEditableDeal(tx: Database, actor: Actor, dealId: string) {
  const [deal] = await tx
    .select()
    .from(deals)
    .where(and(eq(deals.id, dealId), dealVisibility(actor)))
    .for("update");
  if (!deal) throw notFound("Deal not found");
  if (!canEditDeal(actor, deal)) throw new AppError("forbidden", "Only the deal's owner can change it");
  return deal;
}

/** Moves an open deal to another stage, recording who moved it and when. */
export async function moveDealStage(db: Database, actor: Actor, dealId: string, stageId: string) {
  return db.transaction(async (tx) => {
    const deal = await lockEditableDeal(tx, actor, dealId);
    if (deal.status !== "open") throw new AppError("conflict", "Reopen the deal before moving its stage");
    if (deal.stageId === stageId) return deal;
    const [stage] = await tx
      .select()
      .from(buyingStages)
      .where(and(eq(buyingStages.id, stageId), eq(buyingStages.workspaceId, actor.workspaceId)));
    if (!stage)
      throw new AppError("validation_failed", "Unknown stage", {
        fieldErrors: { stageId: ["Unknown stage"] },
      });
    const [updated] = await tx
      .update(deals)
      .set({ stageId, updatedAt: sql`now()` })
      .where(eq(deals.id, dealId))
      .returning();
    await tx.insert(dealStageHistory).values({
      dealId,
      fromStageId: deal.stageId,
      toStageId: stageId,
      status: "open",
      changedById: actor.userId,
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "deal.stage_moved",
      entityType: "deal",
      entityId: dealId,
      data: { from: deal.stageId, to: stageId },
    });
    return updated!;
  });
}

/** Closes a deal as won or lost (a lost deal needs a reason from the workspace's list). */
export async function closeDeal(db: Database, actor: Actor, input: z.infer<typeof closeDealSchema>) {
  return db.transaction(async (tx) => {
    const deal = await lockEditableDeal(tx, actor, input.dealId);
    if (deal.status !== "open") throw new AppError("conflict", `The deal is already ${deal.status}`);
    if (input.outcome === "lost") {
      const [reason] = await tx
        .select()
        .from(lossReasons)
        .where(and(eq(lossReasons.id, input.lossReasonId!), eq(lossReasons.workspaceId, actor.workspaceId)));
      if (!reason) {
        throw new AppError("validation_failed", "Unknown loss reason", {
          fieldErrors: { lossReasonId: ["Unknown loss reason"] },
        });
      }
    }
    const [updated] = await tx
      .update(deals)
      .set({
        status: input.outcome,
        closedAt: sql`now()`,
        closeDate: sql`current_date`,
        amountMinor: input.amount !== undefined ? Math.round(input.amount * 100) : deal.amountMinor,
        lossReasonId: input.outcome === "lost" ? input.lossReasonId! : null,
        closeNote: input.note ?? null,
        updatedAt: sql`now()`,
      })
      .where(eq(deals.id, input.dealId))
      .returning();
    await tx.insert(dealStageHistory).values({
      dealId: deal.id,
      fromStageId: deal.stageId,
      toStageId: deal.stageId,
      status: input.outcome,
      changedById: actor.userId,
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: `deal.${input.outcome}`,
      entityType: "deal",
      entityId: deal.id,
      data: { amountMinor: updated!.amountMinor, lossReasonId: updated!.lossReasonId },
    });
    return updated!;
  });
}
