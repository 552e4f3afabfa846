import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { assetUsages, assets, buyingStages, dealStageHistory, deals, lossReasons, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, dealVisibility } from "@/server/authz/visibility";

export type DealScope = "mine" | "all";

export async function listDeals(
  db: Database,
  actor: Actor,
  opts: { scope: DealScope; status?: "open" | "won" | "lost" },
) {
  const where = [dealVisibility(actor)];
  if (opts.scope === "mine" && actor.role !== "partner") where.push(eq(deals.ownerId, actor.userId));
  if (opts.status) where.push(eq(deals.status, opts.status));
  return db
    .select({
      id: deals.id,
      name: deals.name,
      accountName: deals.accountName,
      amountMinor: deals.amountMinor,
      currency: deals.currency,
      status: deals.status,
      stageName: buyingStages.name,
      stagePosition: buyingStages.position,
      ownerName: users.name,
      updatedAt: deals.updatedAt,
      closeDate: deals.closeDate,
    })
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .where(and(...where))
    .orderBy(desc(deals.updatedAt))
    .limit(300);
}

/** A deal the actor may see (404 otherwise), with its stage, owner and loss reason names. */
export async function getDealOrThrow(db: Database, actor: Actor, dealId: string) {
  const [row] = await db
    .select({
      deal: deals,
      stageName: buyingStages.name,
      ownerName: users.name,
      lossReason: lossReasons.name,
    })
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .leftJoin(lossReasons, eq(lossReasons.id, deals.lossReasonId))
    .where(and(eq(deals.id, dealId), dealVisibility(actor)))
    .limit(1);
  if (!row) throw notFound("Deal not found");
  return row;
}

export async function dealTimeline(db: Database, dealId: string) {
  const fromStage = alias(buyingStages, "from_stage");
  const history = await db
    .select({
      id: dealStageHistory.id,
      at: dealStageHistory.changedAt,
      status: dealStageHistory.status,
      fromStage: fromStage.name,
      toStage: buyingStages.name,
      by: users.name,
    })
    .from(dealStageHistory)
    .innerJoin(buyingStages, eq(buyingStages.id, dealStageHistory.toStageId))
    .leftJoin(fromStage, eq(fromStage.id, dealStageHistory.fromStageId))
    .leftJoin(users, eq(users.id, dealStageHistory.changedById))
    .where(eq(dealStageHistory.dealId, dealId))
    .orderBy(asc(dealStageHistory.changedAt));
  return history;
}

/** Usages on a deal, limited to assets the actor can still see. */
export async function dealUsages(db: Database, actor: Actor, dealId: string) {
  return db
    .select({
      id: assetUsages.id,
      assetId: assets.id,
      assetTitle: assets.title,
      assetType: assets.type,
      kind: assetUsages.kind,
      reaction: assetUsages.reaction,
      note: assetUsages.note,
      stageName: buyingStages.name,
      actorId: assetUsages.actorId,
      actorName: users.name,
      createdAt: assetUsages.createdAt,
    })
    .from(assetUsages)
    .innerJoin(assets, eq(assets.id, assetUsages.assetId))
    .innerJoin(buyingStages, eq(buyingStages.id, assetUsages.stageId))
    .innerJoin(users, eq(users.id, assetUsages.actorId))
    .where(and(eq(assetUsages.dealId, dealId), assetVisibility(actor)))
    .orderBy(desc(assetUsages.createdAt));
}

/** Open deals the actor can log usage on, most recently touched first. */
export async function myOpenDeals(db: Database, actor: Actor) {
  const where = [dealVisibility(actor), eq(deals.status, "open")];
  if (actor.role !== "partner") where.push(eq(deals.ownerId, actor.userId));
  return db
    .select({ id: deals.id, name: deals.name, accountName: deals.accountName, stageName: buyingStages.name })
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .where(and(...where))
    .orderBy(desc(deals.updatedAt))
    .limit(50);
}

export const lossReasonsOf = (db: Database, workspaceId: string) =>
  db
    .select({ id: lossReasons.id, name: lossReasons.name })
    .from(lossReasons)
    .where(eq(lossReasons.workspaceId, workspaceId))
    .orderBy(asc(lossReasons.position));
