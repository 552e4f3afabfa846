import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { buyingStages, contentRequestVotes, contentRequests, taxonomyTerms } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { requestVisibility } from "@/server/authz/visibility";

const open = inArray(contentRequests.status, ["new", "accepted", "in_progress"]);

/**
 * Demand from the field: open requests, their votes and the distinct deals they were raised for, by buying
 * stage and by competitor (the request board and the analytics content-gaps view).
 */
export async function requestDemand(db: Database, actor: Actor) {
  const votes = sql<number>`count(${contentRequestVotes.userId})::int`;
  const requests = sql<number>`count(distinct ${contentRequests.id})::int`;
  const deals = sql<number>`count(distinct ${contentRequests.dealId})::int`;
  const [byStage, byCompetitor] = await Promise.all([
    db
      .select({ name: buyingStages.name, requests, votes, deals })
      .from(contentRequests)
      .innerJoin(buyingStages, eq(buyingStages.id, contentRequests.stageId))
      .leftJoin(contentRequestVotes, eq(contentRequestVotes.requestId, contentRequests.id))
      .where(and(requestVisibility(actor), open))
      .groupBy(buyingStages.name, buyingStages.position)
      .orderBy(desc(votes), buyingStages.position),
    db
      .select({ name: taxonomyTerms.name, requests, votes, deals })
      .from(contentRequests)
      .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, contentRequests.competitorId))
      .leftJoin(contentRequestVotes, eq(contentRequestVotes.requestId, contentRequests.id))
      .where(and(requestVisibility(actor), open))
      .groupBy(taxonomyTerms.name)
      .orderBy(desc(votes), taxonomyTerms.name),
  ]);
  return { byStage, byCompetitor };
}
