import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetUsages, assets, deals } from "@/db/schema";
import { assertStageInWorkspace } from "@/server/workspaces/assert-stage";
import { AppError, notFound } from "@/lib/errors";
import type { logUsageSchema } from "@/lib/schemas/deals";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, canEditDeal, dealVisibility } from "@/server/authz/visibility";

/**
 * Records that an asset was used in a deal, at the deal's current stage unless another is given. The same
 * idempotency key from the same person returns the first usage instead of counting twice.
 */
export async function logUsage(db: Database, actor: Actor, input: z.infer<typeof logUsageSchema>) {
  return db.transaction(async (tx) => {
    if (input.idempotencyKey) {
      const [existing] = await tx
        .select()
        .from(assetUsages)
        .where(
          and(eq(assetUsages.actorId, actor.userId), eq(assetUsages.idempotencyKey, input.idempotencyKey)),
        );
      if (existing) return { usage: existing, created: false };
    }
    const [asset] = await tx
      .select({ id: assets.id, currentVersionId: assets.currentVersionId })
      .from(assets)
      .where(and(eq(assets.id, input.assetId), assetVisibility(actor)));
    if (!asset) throw notFound("Asset not found");
    const [deal] = await tx
      .select()
      .from(deals)
      .where(and(eq(deals.id, input.dealId), dealVisibility(actor)));
    if (!deal) throw notFound("Deal not found");
    if (!canEditDeal(actor, deal))
      throw new AppError("forbidden", "You can only log usage on your own deals");
    const stageId = input.stageId ?? deal.stageId;
    if (input.stageId) await assertStageInWorkspace(tx, actor.workspaceId, input.stageId);
    const inserted = await tx
      .insert(assetUsages)
      .values({
        workspaceId: actor.workspaceId,
        assetId: asset.id,
        assetVersionId: asset.currentVersionId,
        dealId: deal.id,
        stageId,
        kind: input.kind,
        reaction: input.reaction ?? null,
        note: input.note,
        actorId: actor.userId,
        idempotencyKey: input.idempotencyKey ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted[0]) {
      // A concurrent retry with the same key won the race; return its row.
      const [existing] = await tx
        .select()
        .from(assetUsages)
        .where(
          and(eq(assetUsages.actorId, actor.userId), eq(assetUsages.idempotencyKey, input.idempotencyKey!)),
        );
      return { usage: existing!, created: false };
    }
    await recordActorAudit(tx, actor, "usage.logged", inserted[0].id, {
      assetId: asset.id,
      dealId: deal.id,
      stageId,
    });
    return { usage: inserted[0], created: true };
  });
}
