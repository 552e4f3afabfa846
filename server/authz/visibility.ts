import "server-only";
import { and, eq, exists, gt, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { assetPartnerOrgs, assets, deals, partnerTiers } from "@/db/schema";
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

/** Who may change a deal: its owner, an admin, or (for partner deals) anyone in the owning partner org. */
export function canEditDeal(actor: Actor, deal: { ownerId: string; partnerOrgId: string | null }): boolean {
  if (actor.role === "admin") return true;
  if (actor.role === "partner") return deal.partnerOrgId !== null && deal.partnerOrgId === actor.partnerOrgId;
  return deal.ownerId === actor.userId;
}
