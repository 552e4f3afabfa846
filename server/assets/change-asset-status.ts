import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import type { AssetStatus } from "@/lib/assets";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

const allowedMoves: Record<AssetStatus, AssetStatus[]> = {
  draft: ["in_review", "published", "archived"],
  in_review: ["draft", "published", "archived"],
  published: ["archived", "draft"],
  archived: ["draft", "published"],
};

/** Moves an asset through its lifecycle and audits the change in the same transaction. */
export async function changeAssetStatus(db: Database, actor: Actor, assetId: string, to: AssetStatus) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: assets.status })
      .from(assets)
      .where(and(eq(assets.id, assetId), assetVisibility(actor)))
      .for("update");
    if (!current) throw new AppError("not_found", "Asset not found");
    if (current.status === to) return { status: to };
    if (!allowedMoves[current.status].includes(to)) {
      throw new AppError("conflict", `An asset cannot move from ${current.status} to ${to}`);
    }
    await tx
      .update(assets)
      .set({
        status: to,
        updatedAt: sql`now()`,
        ...(to === "published" ? { publishedAt: sql`now()`, archivedAt: null } : {}),
        ...(to === "archived" ? { archivedAt: sql`now()` } : {}),
      })
      .where(eq(assets.id, assetId));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: `asset.${to}`,
      entityType: "asset",
      entityId: assetId,
      data: { from: current.status, to },
    });
    return { status: to };
  });
}
