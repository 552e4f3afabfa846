import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetPartnerOrgs, assets, partnerOrgs, partnerTiers } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { PartnerVisibility } from "@/lib/schemas/partner-visibility";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/** An asset's partner visibility as the edit form shows it. */
export async function getAssetPartnerVisibility(db: Database, assetId: string): Promise<PartnerVisibility> {
  const [asset] = await db
    .select({
      partnerAccess: assets.partnerAccess,
      minPartnerTierId: assets.minPartnerTierId,
      partnerRegion: assets.partnerRegion,
    })
    .from(assets)
    .where(eq(assets.id, assetId));
  if (!asset) throw notFound("Asset not found");
  const orgs = await db
    .select({ id: assetPartnerOrgs.partnerOrgId })
    .from(assetPartnerOrgs)
    .where(eq(assetPartnerOrgs.assetId, assetId));
  return { ...asset, partnerOrgIds: orgs.map((o) => o.id) };
}

/**
 * Sets who outside the company sees the given assets (inside the caller's transaction, which has already
 * checked the actor may edit them). The tier and organisations must be this workspace's.
 */
export async function applyPartnerVisibility(
  tx: Database,
  actor: Actor,
  assetIds: string[],
  visibility: PartnerVisibility,
) {
  const tierId = visibility.partnerAccess === "tier" ? visibility.minPartnerTierId : null;
  const orgIds =
    visibility.partnerAccess === "tier" || visibility.partnerAccess === "orgs"
      ? [...new Set(visibility.partnerOrgIds)]
      : [];
  if (tierId) {
    const [tier] = await tx
      .select({ id: partnerTiers.id })
      .from(partnerTiers)
      .where(and(eq(partnerTiers.id, tierId), eq(partnerTiers.workspaceId, actor.workspaceId)));
    if (!tier) {
      throw new AppError("validation_failed", "Unknown tier", {
        fieldErrors: { minPartnerTierId: ["Unknown tier"] },
      });
    }
  }
  if (orgIds.length) {
    const known = await tx
      .select({ id: partnerOrgs.id })
      .from(partnerOrgs)
      .where(and(inArray(partnerOrgs.id, orgIds), eq(partnerOrgs.workspaceId, actor.workspaceId)));
    if (known.length !== orgIds.length) {
      throw new AppError("validation_failed", "Unknown partner organisation", {
        fieldErrors: { partnerOrgIds: ["Unknown partner organisation"] },
      });
    }
  }
  await tx
    .update(assets)
    .set({
      partnerAccess: visibility.partnerAccess,
      minPartnerTierId: tierId,
      partnerRegion: visibility.partnerAccess === "none" ? null : visibility.partnerRegion || null,
      updatedAt: sql`now()`,
    })
    .where(inArray(assets.id, assetIds));
  await tx.delete(assetPartnerOrgs).where(inArray(assetPartnerOrgs.assetId, assetIds));
  if (orgIds.length) {
    await tx
      .insert(assetPartnerOrgs)
      .values(assetIds.flatMap((assetId) => orgIds.map((partnerOrgId) => ({ assetId, partnerOrgId }))));
  }
}

/** Bulk edit: one visibility for many assets, all or nothing, audited per asset. */
export async function setPartnerVisibilityInBulk(
  db: Database,
  actor: Actor,
  assetIds: string[],
  visibility: PartnerVisibility,
) {
  const ids = [...new Set(assetIds)];
  return db.transaction(async (tx) => {
    const visible = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(inArray(assets.id, ids), assetVisibility(actor)))
      .for("update");
    if (visible.length !== ids.length) throw notFound("Some of the selected assets were not found");
    await applyPartnerVisibility(tx, actor, ids, visibility);
    for (const assetId of ids) {
      await recordActorAudit(tx, actor, "asset.partner_visibility_changed", assetId, visibility);
    }
    return { updated: ids.length };
  });
}
