import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { partnerOrgs, partnerTiers, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { createPartnerOrgSchema, updatePartnerOrgSchema } from "@/lib/schemas/partners";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { revokeTokensOfUsers } from "@/server/tokens/token-service";

export function listPartnerOrgs(db: Database, actor: Actor) {
  return db
    .select({
      id: partnerOrgs.id,
      name: partnerOrgs.name,
      region: partnerOrgs.region,
      active: partnerOrgs.active,
      tierName: partnerTiers.name,
      tierRank: partnerTiers.rank,
      members: sql<number>`(select count(*)::int from ${users} where ${users.partnerOrgId} = ${partnerOrgs.id})`,
    })
    .from(partnerOrgs)
    .innerJoin(partnerTiers, eq(partnerTiers.id, partnerOrgs.tierId))
    .where(eq(partnerOrgs.workspaceId, actor.workspaceId))
    .orderBy(asc(partnerOrgs.name));
}

/** Partner orgs of the workspace with their tier, for channel managers and the admin API. */
export function listPartnerOrgDetails(db: Database, actor: Actor) {
  return db
    .select({
      id: partnerOrgs.id,
      name: partnerOrgs.name,
      tierId: partnerOrgs.tierId,
      tierName: partnerTiers.name,
      tierRank: partnerTiers.rank,
      region: partnerOrgs.region,
      active: partnerOrgs.active,
      createdAt: partnerOrgs.createdAt,
      members: sql<number>`(select count(*)::int from ${users} where ${users.partnerOrgId} = ${partnerOrgs.id})`,
    })
    .from(partnerOrgs)
    .innerJoin(partnerTiers, eq(partnerTiers.id, partnerOrgs.tierId))
    .where(eq(partnerOrgs.workspaceId, actor.workspaceId))
    .orderBy(asc(partnerTiers.rank), asc(partnerOrgs.name));
}

export async function getPartnerOrgDetails(db: Database, actor: Actor, id: string) {
  const rows = await listPartnerOrgDetails(db, actor);
  const org = rows.find((o) => o.id === id);
  if (!org) throw notFound("Partner organisation not found");
  return org;
}

export async function createPartnerOrg(
  db: Database,
  actor: Actor,
  input: z.infer<typeof createPartnerOrgSchema>,
) {
  return db.transaction(async (tx) => {
    const [tier] = await tx
      .select({ id: partnerTiers.id })
      .from(partnerTiers)
      .where(and(eq(partnerTiers.id, input.tierId), eq(partnerTiers.workspaceId, actor.workspaceId)));
    if (!tier)
      throw new AppError("validation_failed", "Unknown tier", { fieldErrors: { tierId: ["Unknown tier"] } });
    const inserted = await tx
      .insert(partnerOrgs)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        tierId: input.tierId,
        region: input.region || null,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) {
      throw new AppError("conflict", "A partner organisation with this name exists", {
        fieldErrors: { name: ["A partner organisation with this name exists"] },
      });
    }
    await recordActorAudit(tx, actor, "partner_org.created", inserted[0].id, { name: input.name });
    return inserted[0];
  });
}

/**
 * Changes an org's tier, region or active state. Deactivating signs every member out at once: their
 * session version moves on, and the actor loader refuses partners of an inactive org on every request.
 */
export async function updatePartnerOrg(
  db: Database,
  actor: Actor,
  id: string,
  patch: z.infer<typeof updatePartnerOrgSchema>,
) {
  await db.transaction(async (tx) => {
    const [org] = await tx
      .select()
      .from(partnerOrgs)
      .where(and(eq(partnerOrgs.id, id), eq(partnerOrgs.workspaceId, actor.workspaceId)))
      .for("update");
    if (!org) throw notFound("Partner organisation not found");
    if (patch.tierId) {
      const [tier] = await tx
        .select({ id: partnerTiers.id })
        .from(partnerTiers)
        .where(and(eq(partnerTiers.id, patch.tierId), eq(partnerTiers.workspaceId, actor.workspaceId)));
      if (!tier) {
        throw new AppError("validation_failed", "Unknown tier", {
          fieldErrors: { tierId: ["Unknown tier"] },
        });
      }
    }
    await tx
      .update(partnerOrgs)
      .set({
        ...(patch.tierId ? { tierId: patch.tierId } : {}),
        ...(patch.region !== undefined ? { region: patch.region || null } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      })
      .where(eq(partnerOrgs.id, id));
    if (patch.active === false && org.active) {
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.partnerOrgId, id));
    }
    if (patch.active !== undefined && patch.active !== org.active) {
      // Its people's tokens end with the organisation's access; reactivating it does not revive them.
      await revokeTokensOfUsers(tx, eq(users.partnerOrgId, id));
    }
    await recordActorAudit(tx, actor, "partner_org.updated", id, patch);
  });
  return getPartnerOrgDetails(db, actor, id);
}
