import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { deals, rooms } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { updateRoomSchema } from "@/lib/schemas/rooms";
import { recordAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import type { Actor } from "@/server/authz/actor";
import { canEditDeal, roomDealVisibility } from "@/server/authz/visibility";
import { loadShareableAssets, setRoomAssets } from "./room-assets";
import { newRoomToken } from "./room-token";

/**
 * Changes a room: title, message, expiry, downloads, gate, password, its assets (a newly added asset
 * records its `shared` usage), a new link, or revocation (final: the link answers 410 from then on).
 */
export async function updateRoom(
  db: Database,
  actor: Actor,
  roomId: string,
  patch: z.infer<typeof updateRoomSchema>,
): Promise<{ url?: string }> {
  const passwordHash = patch.password ? await hashPassword(patch.password) : patch.password;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        room: rooms,
        deal: { stageId: deals.stageId, ownerId: deals.ownerId, partnerOrgId: deals.partnerOrgId },
      })
      .from(rooms)
      .innerJoin(deals, eq(deals.id, rooms.dealId))
      .where(and(eq(rooms.id, roomId), roomDealVisibility(actor)))
      .for("update", { of: rooms });
    if (!row || !canEditDeal(actor, row.deal)) throw notFound("Room not found");
    const { room } = row;
    if (room.revokedAt) throw new AppError("conflict", "This room was revoked; share a new one instead");

    const link = patch.newLink ? newRoomToken() : undefined;
    const allowedEmails = patch.allowedEmails ?? room.allowedEmails;
    const allowedDomain = patch.allowedDomain !== undefined ? patch.allowedDomain : room.allowedDomain;
    await tx
      .update(rooms)
      .set({
        title: patch.title ?? room.title,
        message: patch.message ?? room.message,
        expiresAt: patch.expiresAt ?? room.expiresAt,
        allowDownload: patch.allowDownload ?? room.allowDownload,
        emailGate: (patch.emailGate ?? room.emailGate) || allowedEmails.length > 0 || allowedDomain !== null,
        allowedEmails,
        allowedDomain,
        passwordHash: passwordHash !== undefined ? passwordHash : room.passwordHash,
        tokenHash: link?.tokenHash ?? room.tokenHash,
        revokedAt: patch.revoke ? sql`now()` : null,
        updatedAt: sql`now()`,
      })
      .where(eq(rooms.id, roomId));
    let usagesRecorded = 0;
    if (patch.assetIds) {
      const shareable = await loadShareableAssets(tx, actor, patch.assetIds);
      usagesRecorded = (await setRoomAssets(tx, actor, { ...room, stageId: row.deal.stageId }, shareable))
        .length;
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: patch.revoke ? "room.revoked" : "room.updated",
      entityId: roomId,
      // The password itself never goes into the audit log.
      data: { ...patch, password: patch.password === undefined ? undefined : "changed", usagesRecorded },
    });
    return { url: link?.url };
  });
}
