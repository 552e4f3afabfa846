import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, buyingStages, dealPlays, playStepAssets, playSteps, plays } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/** The workspace's plays with their step count and how many deals run them. */
export function listPlays(db: Database, actor: Actor) {
  return db
    .select({
      id: plays.id,
      name: plays.name,
      scenario: plays.scenario,
      updatedAt: plays.updatedAt,
      steps: sql<number>`count(distinct ${playSteps.id})::int`,
      deals: sql<number>`count(distinct ${dealPlays.id})::int`,
    })
    .from(plays)
    .leftJoin(playSteps, eq(playSteps.playId, plays.id))
    .leftJoin(dealPlays, eq(dealPlays.playId, plays.id))
    .where(eq(plays.workspaceId, actor.workspaceId))
    .groupBy(plays.id)
    .orderBy(asc(plays.name));
}

/**
 * Steps of the given plays in order, each with its stage and the assets the actor can see (so a rep never
 * learns of an asset archived or hidden since the play was built).
 */
export async function stepsOfPlays(db: Database, actor: Actor, playIds: string[]) {
  if (playIds.length === 0) return [];
  const [steps, stepAssets] = await Promise.all([
    db
      .select({
        id: playSteps.id,
        playId: playSteps.playId,
        position: playSteps.position,
        title: playSteps.title,
        guidance: playSteps.guidance,
        stageId: playSteps.stageId,
        stageName: buyingStages.name,
        stagePosition: buyingStages.position,
      })
      .from(playSteps)
      .innerJoin(buyingStages, eq(buyingStages.id, playSteps.stageId))
      .where(inArray(playSteps.playId, playIds))
      .orderBy(asc(playSteps.playId), asc(playSteps.position)),
    db
      .select({ stepId: playStepAssets.stepId, id: assets.id, title: assets.title, type: assets.type })
      .from(playStepAssets)
      .innerJoin(playSteps, eq(playSteps.id, playStepAssets.stepId))
      .innerJoin(assets, eq(assets.id, playStepAssets.assetId))
      .where(and(inArray(playSteps.playId, playIds), assetVisibility(actor), eq(assets.status, "published")))
      .orderBy(asc(playStepAssets.position)),
  ]);
  return steps.map((s) => ({
    ...s,
    assets: stepAssets.filter((a) => a.stepId === s.id).map(({ stepId: _s, ...a }) => a),
  }));
}

export type PlayStep = Awaited<ReturnType<typeof stepsOfPlays>>[number];

/** A play with its steps, for the editor (404 outside the workspace). */
export async function getPlayOrThrow(db: Database, actor: Actor, playId: string) {
  const [play] = await db
    .select()
    .from(plays)
    .where(and(eq(plays.id, playId), eq(plays.workspaceId, actor.workspaceId)));
  if (!play) throw notFound("Play not found");
  return { play, steps: await stepsOfPlays(db, actor, [play.id]) };
}
