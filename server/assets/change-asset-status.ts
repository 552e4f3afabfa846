import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, workspaces } from "@/db/schema";
import type { AssetStatus } from "@/lib/assets";
import { AppError } from "@/lib/errors";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { notifyAssetPublished } from "@/server/notifications/notify";

const allowedMoves: Record<AssetStatus, AssetStatus[]> = {
  draft: ["in_review", "published", "archived"],
  in_review: ["draft", "published", "archived"],
  published: ["archived", "draft"],
  archived: ["draft", "published"],
};

/**
 * Moves an asset through its lifecycle and audits the change in the same transaction. With the
 * workspace's second-person approval on, a draft must go through review, and whoever sent it for review
 * (or, failing a record of that, its owner) cannot be the one who publishes it.
 */
export async function changeAssetStatus(db: Database, actor: Actor, assetId: string, to: AssetStatus) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: assets.status,
        ownerId: assets.ownerId,
        submittedById: assets.submittedForReviewById,
        requireApproval: workspaces.requireSecondApproval,
      })
      .from(assets)
      .innerJoin(workspaces, eq(workspaces.id, assets.workspaceId))
      .where(and(eq(assets.id, assetId), assetVisibility(actor)))
      .for("update", { of: assets });
    if (!current) throw new AppError("not_found", "Asset not found");
    if (current.status === to) return { status: to };
    if (!allowedMoves[current.status].includes(to)) {
      throw new AppError("conflict", `An asset cannot move from ${current.status} to ${to}`);
    }
    const approving = to === "published" && current.status !== "archived" && current.requireApproval;
    if (approving) assertCanApprove(actor, current);
    await tx
      .update(assets)
      .set({
        status: to,
        updatedAt: sql`now()`,
        ...(to === "in_review" ? { submittedForReviewById: actor.userId, approvedById: null } : {}),
        ...(to === "draft" ? { submittedForReviewById: null, approvedById: null } : {}),
        ...(to === "published" ? { publishedAt: sql`now()`, archivedAt: null } : {}),
        ...(approving ? { approvedById: actor.userId } : {}),
        ...(to === "archived" ? { archivedAt: sql`now()` } : {}),
      })
      .where(eq(assets.id, assetId));
    await recordActorAudit(tx, actor, `asset.${to}`, assetId, {
      from: current.status,
      to,
      ...(approving ? { approvedBy: actor.userId } : {}),
    });
    if (to === "published") await notifyAssetPublished(tx, { assetId, actorId: actor.userId });
    return { status: to };
  });
}

function assertCanApprove(
  actor: Actor,
  asset: { status: AssetStatus; ownerId: string; submittedById: string | null },
) {
  if (asset.status !== "in_review") {
    throw new AppError(
      "conflict",
      "This workspace requires a second person's approval: send the asset for review first",
    );
  }
  if ((asset.submittedById ?? asset.ownerId) === actor.userId) {
    throw new AppError(
      "forbidden",
      "Someone other than the person who sent it for review must approve and publish it",
    );
  }
}
