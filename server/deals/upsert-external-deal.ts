import "server-only";
import { and, eq, ilike, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { buyingStages, dealStageHistory, deals, lossReasons, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { escapeLike } from "@/lib/sql-like";
import type { upsertExternalDealSchema } from "@/lib/schemas/deals";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { canEditDeal, dealVisibility } from "@/server/authz/visibility";
import { actsForEveryone, partnerOrgIdFor } from "@/server/authz/rules";

type Input = z.infer<typeof upsertExternalDealSchema>;

/**
 * Creates or updates the deal a CRM knows as (source, externalId). Sending the same record twice changes
 * nothing the second time; stage and status changes are recorded in the deal's history.
 */
export async function upsertExternalDeal(
  db: Database,
  actor: Actor,
  source: string,
  externalId: string,
  input: Input,
) {
  return db.transaction(async (tx) => {
    const stageId = await resolveStage(tx, actor, input);
    const ownerId = await resolveOwner(tx, actor, input.ownerEmail);
    let lossReasonId: string | null = null;
    if (input.status === "lost") {
      const [reason] = input.lossReasonId
        ? await tx
            .select({ id: lossReasons.id })
            .from(lossReasons)
            .where(
              and(eq(lossReasons.id, input.lossReasonId), eq(lossReasons.workspaceId, actor.workspaceId)),
            )
        : [];
      if (input.lossReasonId && !reason) {
        throw new AppError("validation_failed", "Unknown loss reason", {
          fieldErrors: { lossReasonId: ["Unknown loss reason"] },
        });
      }
      lossReasonId = reason?.id ?? null;
    }
    const [found] = await tx
      .select({ deal: deals, visible: sql<boolean>`${dealVisibility(actor)}` })
      .from(deals)
      .where(
        and(
          eq(deals.workspaceId, actor.workspaceId),
          eq(deals.externalSource, source),
          eq(deals.externalId, externalId),
        ),
      )
      .for("update");
    // A record the caller may not see is a 404, like every other path: nothing confirms it exists.
    if (found && !found.visible) throw notFound("Deal not found");
    const existing = found?.deal;
    if (existing && !canEditDeal(actor, existing)) {
      throw new AppError("forbidden", "This CRM record belongs to a deal you cannot change");
    }
    const values = {
      name: input.name,
      accountName: input.accountName,
      amountMinor: Math.round(input.amount * 100),
      currency: input.currency,
      stageId,
      status: input.status,
      closeDate: input.closeDate ?? null,
      ownerId,
      lossReasonId,
    };
    if (!existing) {
      const [created] = await tx
        .insert(deals)
        .values({
          ...values,
          workspaceId: actor.workspaceId,
          externalSource: source,
          externalId,
          partnerOrgId: partnerOrgIdFor(actor),
          closedAt: input.status === "open" ? null : sql`now()`,
        })
        .returning();
      await tx
        .insert(dealStageHistory)
        .values({ dealId: created!.id, toStageId: stageId, status: input.status, changedById: actor.userId });
      await recordActorAudit(tx, actor, "deal.imported", created!.id, { source, externalId });
      return { deal: created!, created: true, changed: true };
    }
    const changed =
      existing.name !== values.name ||
      existing.accountName !== values.accountName ||
      existing.amountMinor !== values.amountMinor ||
      existing.currency !== values.currency ||
      existing.stageId !== values.stageId ||
      existing.status !== values.status ||
      existing.closeDate !== values.closeDate ||
      existing.ownerId !== values.ownerId ||
      existing.lossReasonId !== values.lossReasonId;
    if (!changed) return { deal: existing, created: false, changed: false };
    const [updated] = await tx
      .update(deals)
      .set({
        ...values,
        closedAt:
          values.status === "open"
            ? null
            : existing.status === values.status
              ? existing.closedAt
              : sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(deals.id, existing.id))
      .returning();
    if (existing.stageId !== stageId || existing.status !== input.status) {
      await tx.insert(dealStageHistory).values({
        dealId: existing.id,
        fromStageId: existing.stageId,
        toStageId: stageId,
        status: input.status,
        changedById: actor.userId,
      });
    }
    await recordActorAudit(tx, actor, "deal.synced", existing.id, { source, externalId });
    return { deal: updated!, created: false, changed: true };
  });
}

async function resolveStage(tx: Database, actor: Actor, input: Input): Promise<string> {
  const [stage] = await tx
    .select({ id: buyingStages.id })
    .from(buyingStages)
    .where(
      and(
        eq(buyingStages.workspaceId, actor.workspaceId),
        input.stageId
          ? eq(buyingStages.id, input.stageId)
          : ilike(buyingStages.name, escapeLike(input.stageName!)),
      ),
    );
  if (!stage) {
    const field = input.stageId ? "stageId" : "stageName";
    throw new AppError("validation_failed", "Unknown stage", {
      fieldErrors: { [field]: ["No buying stage with this id or name"] },
    });
  }
  return stage.id;
}

async function resolveOwner(tx: Database, actor: Actor, ownerEmail: string | undefined): Promise<string> {
  if (!ownerEmail || ownerEmail.toLowerCase() === actor.email) return actor.userId;
  if (!actsForEveryone(actor)) {
    throw new AppError("forbidden", "Only an admin can sync deals owned by someone else");
  }
  const [owner] = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, actor.workspaceId),
        eq(users.email, ownerEmail.toLowerCase()),
        eq(users.active, true),
      ),
    );
  if (!owner)
    throw new AppError("validation_failed", "Unknown owner", {
      fieldErrors: { ownerEmail: ["No active Baton user with this email"] },
    });
  return owner.id;
}
