import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetUsages, assets, deals } from "@/db/schema";
import { assertStageInWorkspace } from "@/server/workspaces/assert-stage";
import { AppError, notFound } from "@/lib/errors";
import type { updateUsageSchema, usageSchema } from "@/lib/schemas/deals";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, dealVisibility } from "@/server/authz/visibility";
import { canEditUsage } from "@/server/authz/rules";

const usageColumns = {
  usage: assetUsages,
  assetTitle: assets.title,
};

export function toUsageDto(row: {
  usage: typeof assetUsages.$inferSelect;
  assetTitle: string;
}): z.input<typeof usageSchema> {
  const u = row.usage;
  return {
    id: u.id,
    assetId: u.assetId,
    assetTitle: row.assetTitle,
    assetVersionId: u.assetVersionId,
    dealId: u.dealId,
    stageId: u.stageId,
    kind: u.kind,
    reaction: u.reaction,
    note: u.note,
    actorId: u.actorId,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listDealUsages(db: Database, actor: Actor, dealId: string) {
  const [deal] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), dealVisibility(actor)));
  if (!deal) throw notFound("Deal not found");
  const rows = await db
    .select(usageColumns)
    .from(assetUsages)
    .innerJoin(assets, eq(assets.id, assetUsages.assetId))
    .where(and(eq(assetUsages.dealId, dealId), assetVisibility(actor)))
    .orderBy(desc(assetUsages.createdAt));
  return rows.map(toUsageDto);
}

export async function getUsageDto(db: Database, actor: Actor, usageId: string) {
  // A usage is visible only if both its deal and its asset are.
  const [row] = await db
    .select(usageColumns)
    .from(assetUsages)
    .innerJoin(deals, eq(deals.id, assetUsages.dealId))
    .innerJoin(assets, eq(assets.id, assetUsages.assetId))
    .where(and(eq(assetUsages.id, usageId), dealVisibility(actor), assetVisibility(actor)));
  if (!row) throw notFound("Usage not found");
  return toUsageDto(row);
}

async function lockOwnUsage(tx: Database, actor: Actor, usageId: string) {
  const [row] = await tx
    .select({ usage: assetUsages })
    .from(assetUsages)
    .innerJoin(deals, eq(deals.id, assetUsages.dealId))
    .where(and(eq(assetUsages.id, usageId), dealVisibility(actor)))
    .for("update", { of: assetUsages });
  if (!row) throw notFound("Usage not found");
  if (!canEditUsage(actor, row.usage)) {
    throw new AppError("forbidden", "Only the person who logged a usage can change it");
  }
  return row.usage;
}

/** Corrects a usage (stage at the time, kind, reaction, note); only its author or an admin may. */
export async function updateUsage(
  db: Database,
  actor: Actor,
  usageId: string,
  patch: z.infer<typeof updateUsageSchema>,
) {
  return db.transaction(async (tx) => {
    const usage = await lockOwnUsage(tx, actor, usageId);
    if (patch.stageId) await assertStageInWorkspace(tx, actor.workspaceId, patch.stageId);
    const [updated] = await tx
      .update(assetUsages)
      .set({
        stageId: patch.stageId ?? usage.stageId,
        kind: patch.kind ?? usage.kind,
        reaction: patch.reaction !== undefined ? patch.reaction : usage.reaction,
        note: patch.note ?? usage.note,
        updatedAt: sql`now()`,
      })
      .where(eq(assetUsages.id, usageId))
      .returning();
    await recordActorAudit(tx, actor, "usage.updated", usageId, patch);
    return updated!;
  });
}

export async function deleteUsage(db: Database, actor: Actor, usageId: string) {
  await db.transaction(async (tx) => {
    const usage = await lockOwnUsage(tx, actor, usageId);
    await tx.delete(assetUsages).where(eq(assetUsages.id, usageId));
    await recordActorAudit(tx, actor, "usage.deleted", usageId, {
      assetId: usage.assetId,
      dealId: usage.dealId,
      stageId: usage.stageId,
    });
  });
}
