import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { buyingStages, deals } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { dealsArePersonal } from "@/server/authz/rules";
import { roomDealVisibility } from "@/server/authz/visibility";

/**
 * The deals an actor may open a buyer room on from an asset page ("one of my deals"): open deals whose
 * rooms it may see and change. A partner picks among its own org's deals; everyone else among the deals
 * it owns, most recently touched first. The same rule as lockShareableDeal, in the WHERE clause.
 */
export function listShareableDeals(db: Database, actor: Actor) {
  const mine = dealsArePersonal(actor)
    ? eq(deals.ownerId, actor.userId)
    : actor.partnerOrgId
      ? eq(deals.partnerOrgId, actor.partnerOrgId)
      : undefined;
  if (!mine) return Promise.resolve([]);
  return db
    .select({ id: deals.id, name: deals.name, accountName: deals.accountName, stageName: buyingStages.name })
    .from(deals)
    .innerJoin(buyingStages, eq(buyingStages.id, deals.stageId))
    .where(and(roomDealVisibility(actor), eq(deals.status, "open"), mine))
    .orderBy(desc(deals.updatedAt), desc(deals.id))
    .limit(50);
}

export type ShareableDeal = Awaited<ReturnType<typeof listShareableDeals>>[number];
