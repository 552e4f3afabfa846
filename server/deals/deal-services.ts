import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { buyingStages, dealStageHistory, deals, lossReasons } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { closeDealSchema, updateDealSchema } from "@/lib/schemas/deals";
import type { AuditAction } from "@/server/audit/audit-actions";
import { recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { canEditDeal, dealVisibility } from "@/server/authz/visibility";

type DealPatch = z.infer<typeof updateDealSchema>;

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

async function assertInWorkspace(tx: Database, actor: Actor, what: "stage" | "lossReason", id: string) {
  const table = what === "stage" ? buyingStages : lossReasons;
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.workspaceId, actor.workspaceId)));
  if (!row) {
    const field = what === "stage" ? "stageId" : "lossReasonId";
    const message = what === "stage" ? "Unknown stage" : "Unknown loss reason";
    throw new AppError("validation_failed", message, { fieldErrors: { [field]: [message] } });
  }
}

/**
 * Every change to a deal goes through here: field edits, a stage move (open deals only), closing as won
 * or lost, and reopening a closed deal. Stage and status changes are written to the deal's history and
 * every change to the audit log, in the same transaction.
 */
export async function updateDeal(db: Database, actor: Actor, dealId: string, patch: DealPatch) {
  return db.transaction(async (tx) => {
    const deal = await lockEditableDeal(tx, actor, dealId);
    const nextStatus = patch.status ?? deal.status;
    const statusChanges = nextStatus !== deal.status;
    if (statusChanges && deal.status !== "open" && nextStatus !== "open") {
      throw new AppError("conflict", `The deal is already ${deal.status}; reopen it first`);
    }
    if (patch.status && !statusChanges && deal.status !== "open") {
      throw new AppError("conflict", `The deal is already ${deal.status}`);
    }
    const stageMoves = patch.stageId !== undefined && patch.stageId !== deal.stageId;
    if (stageMoves && nextStatus !== "open")
      throw new AppError("conflict", "Reopen the deal before moving its stage");
    if (stageMoves) await assertInWorkspace(tx, actor, "stage", patch.stageId!);
    if (nextStatus === "lost" && statusChanges)
      await assertInWorkspace(tx, actor, "lossReason", patch.lossReasonId!);

    const stageId = stageMoves ? patch.stageId! : deal.stageId;
    const [updated] = await tx
      .update(deals)
      .set({
        name: patch.name ?? deal.name,
        accountName: patch.accountName ?? deal.accountName,
        amountMinor: patch.amount !== undefined ? Math.round(patch.amount * 100) : deal.amountMinor,
        currency: patch.currency ?? deal.currency,
        closeDate: patch.closeDate !== undefined ? patch.closeDate : deal.closeDate,
        stageId,
        status: nextStatus,
        ...(statusChanges && nextStatus !== "open"
          ? {
              closedAt: sql`now()`,
              closeDate: patch.closeDate ?? sql`current_date`,
              lossReasonId: nextStatus === "lost" ? patch.lossReasonId! : null,
              closeNote: patch.closeNote ?? null,
            }
          : {}),
        ...(statusChanges && nextStatus === "open"
          ? { closedAt: null, lossReasonId: null, closeNote: null }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(deals.id, dealId))
      .returning();
    if (stageMoves || statusChanges) {
      await tx.insert(dealStageHistory).values({
        dealId,
        fromStageId: deal.stageId,
        toStageId: stageId,
        status: nextStatus,
        changedById: actor.userId,
      });
    }
    const action: AuditAction = statusChanges
      ? nextStatus === "open"
        ? "deal.reopened"
        : `deal.${nextStatus}`
      : stageMoves
        ? "deal.stage_moved"
        : "deal.updated";
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action,
      entityId: dealId,
      data: { ...patch, fromStatus: deal.status, fromStageId: deal.stageId },
    });
    return updated!;
  });
}

export function moveDealStage(db: Database, actor: Actor, dealId: string, stageId: string) {
  return updateDeal(db, actor, dealId, { stageId });
}

/** Closes a deal as won or lost (a lost deal needs a reason from the workspace's list). */
export function closeDeal(db: Database, actor: Actor, input: z.infer<typeof closeDealSchema>) {
  return updateDeal(db, actor, input.dealId, {
    status: input.outcome,
    amount: input.amount,
    lossReasonId: input.lossReasonId,
    closeNote: input.note,
  });
}
