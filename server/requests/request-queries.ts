import "server-only";
import { and, asc, desc, eq, exists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import {
  assets,
  buyingStages,
  contentRequestVotes,
  contentRequests,
  deals,
  partnerOrgs,
  taxonomyTerms,
  users,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { RequestStatus } from "@/lib/requests";
import type { RequestDto } from "@/lib/schemas/requests";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, dealVisibility, requestVisibility } from "@/server/authz/visibility";

const industry = alias(taxonomyTerms, "industry");
const competitor = alias(taxonomyTerms, "competitor");

/** Requests the actor may see, most wanted first; the deal and delivered asset only when they may see them. */
async function selectRequests(db: Database, actor: Actor, where: SQL[]): Promise<RequestDto[]> {
  const votes = sql<number>`(select count(*)::int from ${contentRequestVotes} v where v.request_id = ${contentRequests.id})`;
  const rows = await db
    .select({
      r: contentRequests,
      stageName: buyingStages.name,
      industryName: industry.name,
      competitorName: competitor.name,
      dealName: deals.name,
      requesterName: users.name,
      partnerOrg: partnerOrgs.name,
      assetTitle: assets.title,
      votes,
      votedByMe: sql<boolean>`exists (select 1 from ${contentRequestVotes} v
        where v.request_id = ${contentRequests.id} and v.user_id = ${actor.userId})`,
    })
    .from(contentRequests)
    .innerJoin(users, eq(users.id, contentRequests.requesterId))
    .leftJoin(partnerOrgs, eq(partnerOrgs.id, contentRequests.partnerOrgId))
    .leftJoin(buyingStages, eq(buyingStages.id, contentRequests.stageId))
    .leftJoin(industry, eq(industry.id, contentRequests.industryId))
    .leftJoin(competitor, eq(competitor.id, contentRequests.competitorId))
    .leftJoin(deals, and(eq(deals.id, contentRequests.dealId), dealVisibility(actor)))
    .leftJoin(assets, and(eq(assets.id, contentRequests.deliveredAssetId), assetVisibility(actor)))
    .where(and(requestVisibility(actor), ...where))
    .orderBy(desc(votes), asc(contentRequests.createdAt));
  return rows.map(({ r, ...x }) => ({
    id: r.id,
    title: r.title,
    details: r.details,
    status: r.status,
    urgency: r.urgency,
    stage: r.stageId && x.stageName ? { id: r.stageId, name: x.stageName } : null,
    industry: r.industryId && x.industryName ? { id: r.industryId, name: x.industryName } : null,
    competitor: r.competitorId && x.competitorName ? { id: r.competitorId, name: x.competitorName } : null,
    deal: r.dealId && x.dealName ? { id: r.dealId, name: x.dealName } : null,
    searchQuery: r.searchQuery,
    requester: { id: r.requesterId, name: x.requesterName, partnerOrg: x.partnerOrg },
    votes: x.votes,
    votedByMe: x.votedByMe,
    declineReason: r.declineReason,
    deliveredAsset:
      r.deliveredAssetId && x.assetTitle ? { id: r.deliveredAssetId, title: x.assetTitle } : null,
    mergedIntoId: r.mergedIntoId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export function listRequests(
  db: Database,
  actor: Actor,
  opts: { status?: RequestStatus; mine?: boolean } = {},
): Promise<RequestDto[]> {
  const where: SQL[] = [];
  if (opts.status) where.push(eq(contentRequests.status, opts.status));
  if (opts.mine) {
    where.push(
      or(
        eq(contentRequests.requesterId, actor.userId),
        exists(
          db
            .select({ one: sql`1` })
            .from(contentRequestVotes)
            .where(
              and(
                eq(contentRequestVotes.requestId, contentRequests.id),
                eq(contentRequestVotes.userId, actor.userId),
              ),
            ),
        ),
      )!,
    );
  }
  return selectRequests(db, actor, where);
}

export async function getRequestOrThrow(db: Database, actor: Actor, id: string): Promise<RequestDto> {
  const [row] = await selectRequests(db, actor, [eq(contentRequests.id, id)]);
  if (!row) throw notFound("Request not found");
  return row;
}
