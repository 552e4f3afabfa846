import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assets, buyingStages, playStepAssets, playSteps, plays } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { savePlaySchema } from "@/lib/schemas/plays";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

export type SavePlayInput = z.infer<typeof savePlaySchema>;

function invalid(field: string, message: string): never {
  throw new AppError("validation_failed", message, { fieldErrors: { [field]: [message] } });
}

/**
 * Creates a play or replaces an existing one's name, scenario and steps. Steps keep their id when the
 * editor sends it back, so deals that already did a step keep it done; steps left out are removed.
 * Every asset must be published and visible to the marketer; every stage must be the workspace's.
 */
export async function savePlay(db: Database, actor: Actor, input: SavePlayInput) {
  return db.transaction(async (tx) => {
    const assetIds = [...new Set(input.steps.flatMap((s) => s.assetIds))];
    const usable = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(inArray(assets.id, assetIds), assetVisibility(actor), eq(assets.status, "published")));
    if (usable.length < assetIds.length) invalid("steps", "Every asset in a play must be published");
    const stageIds = [...new Set(input.steps.map((s) => s.stageId))];
    const stages = await tx
      .select({ id: buyingStages.id })
      .from(buyingStages)
      .where(and(inArray(buyingStages.id, stageIds), eq(buyingStages.workspaceId, actor.workspaceId)));
    if (stages.length < stageIds.length) invalid("steps", "Unknown stage");

    const [clash] = await tx
      .select({ id: plays.id })
      .from(plays)
      .where(and(eq(plays.workspaceId, actor.workspaceId), sql`lower(${plays.name}) = lower(${input.name})`));
    if (clash && clash.id !== input.playId) invalid("name", "A play with this name already exists");

    let playId: string;
    if (input.playId) {
      const [updated] = await tx
        .update(plays)
        .set({ name: input.name, scenario: input.scenario, updatedAt: sql`now()` })
        .where(and(eq(plays.id, input.playId), eq(plays.workspaceId, actor.workspaceId)))
        .returning({ id: plays.id });
      if (!updated) throw notFound("Play not found");
      playId = updated.id;
    } else {
      const [created] = await tx
        .insert(plays)
        .values({
          workspaceId: actor.workspaceId,
          name: input.name,
          scenario: input.scenario,
          createdById: actor.userId,
        })
        .returning({ id: plays.id });
      playId = created!.id;
    }

    const keptIds = input.steps.flatMap((s) => (s.id ? [s.id] : []));
    const existing = await tx
      .select({ id: playSteps.id })
      .from(playSteps)
      .where(eq(playSteps.playId, playId));
    const existingIds = new Set(existing.map((s) => s.id));
    if (keptIds.some((id) => !existingIds.has(id))) invalid("steps", "A step does not belong to this play");
    await tx
      .delete(playSteps)
      .where(
        and(eq(playSteps.playId, playId), keptIds.length ? notInArray(playSteps.id, keptIds) : undefined),
      );
    for (const [position, step] of input.steps.entries()) {
      const values = { stageId: step.stageId, title: step.title, guidance: step.guidance, position };
      const [row] = step.id
        ? await tx.update(playSteps).set(values).where(eq(playSteps.id, step.id)).returning()
        : await tx
            .insert(playSteps)
            .values({ playId, ...values })
            .returning();
      await tx.delete(playStepAssets).where(eq(playStepAssets.stepId, row!.id));
      await tx
        .insert(playStepAssets)
        .values(step.assetIds.map((assetId, i) => ({ stepId: row!.id, assetId, position: i })));
    }
    await recordActorAudit(tx, actor, input.playId ? "play.updated" : "play.created", playId, {
      name: input.name,
      steps: input.steps.length,
    });
    return { id: playId };
  });
}
