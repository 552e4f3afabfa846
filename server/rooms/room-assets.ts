import "server-only";
import { and, eq, gt, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetUsages, assets, roomAssets } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/**
 * The assets an actor may put into a room, in the order given: visible to the actor (the SQL visibility
 * rule) and published and unexpired. An id the actor cannot see is a 404; one it sees but may not share
 * (a draft, an expired asset) is a 422.
 */
export async function loadShareableAssets(tx: Database, actor: Actor, assetIds: string[]) {
  const rows = await tx
    .select({
      id: assets.id,
      currentVersionId: assets.currentVersionId,
      shareable: sql<boolean>`${and(
        eq(assets.status, "published"),
        or(isNull(assets.expiresAt), gt(assets.expiresAt, sql`now()`)),
      )}`,
    })
    .from(assets)
    .where(and(inArray(assets.id, assetIds), assetVisibility(actor)));
  if (rows.length !== assetIds.length) throw notFound("Asset not found");
  if (rows.some((r) => !r.shareable)) {
    throw new AppError("validation_failed", "Only published, unexpired assets can be shared", {
      fieldErrors: { assetIds: ["Only published, unexpired assets can be shared"] },
    });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return assetIds.map((id) => byId.get(id)!);
}

/**
 * Makes the room hold exactly these assets in this order, and records a `shared` usage on the deal at its
 * current stage for each asset the room has not shared before (once per room and asset, whatever retries
 * or removals and re-additions happen). Returns the ids that got a new usage.
 */
export async function setRoomAssets(
  tx: Database,
  actor: Actor,
  room: { id: string; dealId: string; stageId: string },
  shareable: { id: string; currentVersionId: string | null }[],
): Promise<string[]> {
  const ids = shareable.map((a) => a.id);
  await tx.delete(roomAssets).where(and(eq(roomAssets.roomId, room.id), notInArray(roomAssets.assetId, ids)));
  await tx
    .insert(roomAssets)
    .values(shareable.map((a, position) => ({ roomId: room.id, assetId: a.id, position })))
    .onConflictDoUpdate({
      target: [roomAssets.roomId, roomAssets.assetId],
      set: { position: sql`excluded.position` },
    });
  const recorded = await tx
    .insert(assetUsages)
    .values(
      shareable.map((a) => ({
        workspaceId: actor.workspaceId,
        assetId: a.id,
        assetVersionId: a.currentVersionId,
        dealId: room.dealId,
        stageId: room.stageId,
        kind: "shared" as const,
        actorId: actor.userId,
        roomId: room.id,
      })),
    )
    .onConflictDoNothing({ target: [assetUsages.roomId, assetUsages.assetId] })
    .returning({ assetId: assetUsages.assetId });
  return recorded.map((r) => r.assetId);
}
