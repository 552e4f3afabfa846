import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activityEvents, assetUsages, deals, partnerOrgs, partnerTiers, users } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";

export const ENGAGEMENT_DAYS = 90;

const since = sql`now() - make_interval(days => ${ENGAGEMENT_DAYS})`;
const members = (orgId: typeof partnerOrgs.id) =>
  sql`(select ${users.id} from ${users} where ${users.partnerOrgId} = ${orgId})`;

function activityCount(kind: "view" | "download") {
  return sql<number>`(select count(*)::int from ${activityEvents}
    where ${activityEvents.kind} = ${kind} and ${activityEvents.createdAt} > ${since}
      and ${activityEvents.actorId} in ${members(partnerOrgs.id)})`;
}

function dealCount(status: "open" | "won" | "lost") {
  return sql<number>`(select count(*)::int from ${deals}
    where ${deals.partnerOrgId} = ${partnerOrgs.id} and ${deals.status} = ${status})`;
}

/**
 * For channel managers: what each partner org viewed, downloaded and logged as used in the last
 * ENGAGEMENT_DAYS days, the outcomes of its registered deals, and when any of its people last did anything.
 */
export async function partnerEngagement(db: Database, actor: Actor) {
  const rows = await db
    .select({
      id: partnerOrgs.id,
      name: partnerOrgs.name,
      active: partnerOrgs.active,
      tierName: partnerTiers.name,
      tierRank: partnerTiers.rank,
      views: activityCount("view"),
      downloads: activityCount("download"),
      usages: sql<number>`(select count(*)::int from ${assetUsages}
        where ${assetUsages.createdAt} > ${since} and ${assetUsages.actorId} in ${members(partnerOrgs.id)})`,
      openDeals: dealCount("open"),
      wonDeals: dealCount("won"),
      lostDeals: dealCount("lost"),
      lastActiveAt: sql<string | null>`(select max(${activityEvents.createdAt}) from ${activityEvents}
        where ${activityEvents.actorId} in ${members(partnerOrgs.id)})`,
    })
    .from(partnerOrgs)
    .innerJoin(partnerTiers, eq(partnerTiers.id, partnerOrgs.tierId))
    .where(eq(partnerOrgs.workspaceId, actor.workspaceId))
    .orderBy(asc(partnerTiers.rank), asc(partnerOrgs.name));

  const orgs = rows.map((r) => ({
    ...r,
    lastActiveAt: r.lastActiveAt ? new Date(r.lastActiveAt) : null,
    engaged: r.views + r.downloads + r.usages > 0,
  }));
  const tiers = new Map<
    string,
    {
      tierName: string;
      tierRank: number;
      orgs: number;
      engagedOrgs: number;
      views: number;
      downloads: number;
      usages: number;
      wonDeals: number;
      lostDeals: number;
    }
  >();
  for (const o of orgs) {
    const t = tiers.get(o.tierName) ?? {
      tierName: o.tierName,
      tierRank: o.tierRank,
      orgs: 0,
      engagedOrgs: 0,
      views: 0,
      downloads: 0,
      usages: 0,
      wonDeals: 0,
      lostDeals: 0,
    };
    t.orgs += 1;
    t.engagedOrgs += o.engaged ? 1 : 0;
    t.views += o.views;
    t.downloads += o.downloads;
    t.usages += o.usages;
    t.wonDeals += o.wonDeals;
    t.lostDeals += o.lostDeals;
    tiers.set(o.tierName, t);
  }
  return {
    orgs,
    tiers: [...tiers.values()].sort((a, b) => a.tierRank - b.tierRank),
    disengaged: orgs.filter((o) => o.active && !o.engaged),
  };
}
