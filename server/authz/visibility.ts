import "server-only";
import { and, eq, exists, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  announcements,
  assetPartnerOrgs,
  assets,
  contentRequests,
  deals,
  partnerOrgs,
  partnerTiers,
  users,
} from "@/db/schema";
import type { Actor } from "./actor";

/**
 * The WHERE clause for every query that returns assets (lists, search, facet counts, files, thumbnails).
 * Marketers and admins see their whole workspace; reps see published, unexpired assets; partners see
 * published, unexpired assets shared with partners at or below their tier, or with their org, within
 * their region.
 */
export function assetVisibility(actor: Actor): SQL {
  const inWorkspace = eq(assets.workspaceId, actor.workspaceId);
  if (actor.role === "admin" || actor.role === "marketer") return inWorkspace;

  const live = and(
    inWorkspace,
    eq(assets.status, "published"),
    or(isNull(assets.expiresAt), gt(assets.expiresAt, sql`now()`)),
  )!;
  if (actor.role === "rep") return live;

  if (!actor.partnerOrgId || actor.partnerTierRank === null) return sql`false`;
  const orgGrant = exists(
    sql`(select 1 from ${assetPartnerOrgs} where ${assetPartnerOrgs.assetId} = ${assets.id} and ${assetPartnerOrgs.partnerOrgId} = ${actor.partnerOrgId})`,
  );
  const tierGrant = and(
    eq(assets.partnerAccess, "tier"),
    exists(
      sql`(select 1 from ${partnerTiers} where ${partnerTiers.id} = ${assets.minPartnerTierId} and ${partnerTiers.rank} <= ${actor.partnerTierRank})`,
    ),
  );
  const regionOk = actor.partnerRegion
    ? or(isNull(assets.partnerRegion), eq(assets.partnerRegion, actor.partnerRegion))
    : isNull(assets.partnerRegion);
  return and(
    live,
    regionOk,
    or(eq(assets.partnerAccess, "all"), tierGrant, and(ne(assets.partnerAccess, "none"), orgGrant)),
  )!;
}

/** Internal users read every internal deal of the workspace; partners only their org's registered deals. */
export function dealVisibility(actor: Actor): SQL {
  const inWorkspace = eq(deals.workspaceId, actor.workspaceId);
  if (actor.role === "partner") {
    return actor.partnerOrgId ? and(inWorkspace, eq(deals.partnerOrgId, actor.partnerOrgId))! : sql`false`;
  }
  return inWorkspace;
}

/**
 * The deals whose buyer rooms an actor may see: marketers and admins every deal of the workspace, a rep
 * only the deals they own, a partner its org's deals. A buyer's reading is the deal owner's business, so
 * other reps get a 404 even for a deal they can open.
 */
export function roomDealVisibility(actor: Actor): SQL {
  if (actor.role === "rep")
    return and(eq(deals.workspaceId, actor.workspaceId), eq(deals.ownerId, actor.userId))!;
  return dealVisibility(actor);
}

/** Who may change a deal: its owner, an admin, or (for partner deals) anyone in the owning partner org. */
export function canEditDeal(actor: Actor, deal: { ownerId: string; partnerOrgId: string | null }): boolean {
  if (actor.role === "admin") return true;
  if (actor.role === "partner") return deal.partnerOrgId !== null && deal.partnerOrgId === actor.partnerOrgId;
  return deal.ownerId === actor.userId;
}

/**
 * assetVisibility's rule for many viewers at once: a condition on a `users` row (in the same query as an
 * `assets` row) that holds when that user, loaded as an actor, would see the asset. Notifications fan out
 * through it so nobody hears about an asset they may not open; tests/authz keep the two rules in step.
 */
export function assetVisibleToUser(): SQL {
  const live = sql`${assets.status} = 'published' and (${assets.expiresAt} is null or ${assets.expiresAt} > now())`;
  const partnerSees = sql`exists (
    select 1 from ${partnerOrgs} po join ${partnerTiers} vt on vt.id = po.tier_id
    where po.id = ${users.partnerOrgId} and po.active
      and (${assets.partnerRegion} is null or ${assets.partnerRegion} = po.region)
      and (
        ${assets.partnerAccess} = 'all'
        or (${assets.partnerAccess} = 'tier' and exists (
          select 1 from ${partnerTiers} mt where mt.id = ${assets.minPartnerTierId} and mt.rank <= vt.rank))
        or (${assets.partnerAccess} <> 'none' and exists (
          select 1 from ${assetPartnerOrgs} apo
          where apo.asset_id = ${assets.id} and apo.partner_org_id = po.id))
      ))`;
  return sql`(${users.workspaceId} = ${assets.workspaceId} and ${users.active} and (
    ${users.role} in ('admin', 'marketer')
    or (${live} and (${users.role} = 'rep' or (${users.role} = 'partner' and ${partnerSees})))
  ))`;
}

/** Internal users see every field request of the workspace; partners only their own org's. */
export function requestVisibility(actor: Actor): SQL {
  const inWorkspace = eq(contentRequests.workspaceId, actor.workspaceId);
  if (actor.role !== "partner") return inWorkspace;
  return actor.partnerOrgId
    ? and(inWorkspace, eq(contentRequests.partnerOrgId, actor.partnerOrgId))!
    : sql`false`;
}

/** Partners see (and reply in) only the comment threads they started; internal users see every thread. */
export function commentThreadVisibility(actor: Actor, rootAuthorId: AnyPgColumn): SQL | undefined {
  return actor.role === "partner" ? eq(rootAuthorId, actor.userId) : undefined;
}

/**
 * Whom the actor may @mention on an asset: a partner only the asset's owner, an internal user any active
 * internal user of the workspace.
 */
export function mentionableUsers(actor: Actor, asset: { ownerId: string }): SQL {
  return actor.role === "partner"
    ? eq(users.id, asset.ownerId)
    : and(eq(users.workspaceId, actor.workspaceId), ne(users.role, "partner"), eq(users.active, true))!;
}

/**
 * Which announcements the actor reads: marketers and admins every one, reps those that include reps,
 * partners those whose minimum tier is at or below their organisation's.
 */
export function announcementVisibility(actor: Actor): SQL | undefined {
  if (actor.role === "admin" || actor.role === "marketer") return undefined;
  if (actor.role === "rep") return eq(announcements.includeReps, true);
  if (actor.partnerTierRank === null) return sql`false`;
  return sql`exists (select 1 from ${partnerTiers} t
    where t.id = ${announcements.minPartnerTierId} and t.rank <= ${actor.partnerTierRank})`;
}
