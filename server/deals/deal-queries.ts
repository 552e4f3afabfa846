import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import {
  assetUsages,
  assets,
  buyingStages,
  dealStageHistory,
  dealTerms,
  deals,
  lossReasons,
  taxonomyTerms,
  users,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import { containsPattern } from "@/lib/sql-like";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, dealVisibility } from "@/server/authz/visibility";
import { dealsArePersonal } from "@/server/authz/rules";

export type DealScope = "mine" | "team" | "all";

export interface DealListFilters {
  scope: DealScope;
  status?: "open" | "won" | "lost";
  stageId?: string;
  q?: string;
}

/**
 * The WHERE clauses every deal list shares (the page and the API): what the actor may see, narrowed to
 * mine / my team's, and by status, stage and text.
 */
export function dealListWhere(actor: Actor, opts: DealListFilters): SQL[] {
  const where = [dealVisibility(actor)];
  if (dealsArePersonal(actor)) {
    if (opts.scope === "mine") where.push(eq(deals.ownerId, actor.userId));
    if (opts.scope === "team") {
      where.push(
        sql`${deals.ownerId} in (select u.id from ${users} u where u.team is not null and u.team = (select team from ${users} me where me.id = ${actor.userId}))`,
      );
    }
  }
  if (opts.status) where.push(eq(deals.status, opts.status));
  if (opts.stageId) where.push(eq(deals.stageId, opts.stageId));
  if (opts.q) {
    const like = containsPattern(opts.q);
    where.push(or(ilike(deals.name, like), ilike(deals.accountName, like))!);
  }
  return where;
}

/** Deals for the list page: mine, my team's or all I may see, filtered by status, stage and text. */
export async function listDeals(db: Database, actor: Actor, opts: DealListFilters) {
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
    .where(and(...dealListWhere(actor, opts)))
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
      stageId: assetUsages.stageId,
      stageName: buyingStages.name,
      dealId: assetUsages.dealId,
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
  if (dealsArePersonal(actor)) where.push(eq(deals.ownerId, actor.userId));
  return db
    .select({ id: deals.id, name: deals.name, accountName: deals.accountName, stageName: buyingStages.name })
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .where(and(...where))
    .orderBy(desc(deals.updatedAt))
    .limit(50);
}

/** The deal's industry, competitor and product tags, grouped by kind. */
export async function dealTagsOf(db: Database, dealId: string) {
  const rows = await db
    .select({ kind: taxonomyTerms.kind, name: taxonomyTerms.name })
    .from(dealTerms)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, dealTerms.termId))
    .where(eq(dealTerms.dealId, dealId))
    .orderBy(asc(taxonomyTerms.kind), asc(taxonomyTerms.name));
  const byKind: Partial<Record<(typeof rows)[number]["kind"], string[]>> = {};
  for (const r of rows) (byKind[r.kind] ??= []).push(r.name);
  return byKind;
}

export const lossReasonsOf = (db: Database, workspaceId: string) =>
  db
    .select({ id: lossReasons.id, name: lossReasons.name })
    .from(lossReasons)
    .where(eq(lossReasons.workspaceId, workspaceId))
    .orderBy(asc(lossReasons.position));
