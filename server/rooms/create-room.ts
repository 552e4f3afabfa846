import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { deals, rooms } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { ROOM_DEFAULT_DAYS, type createRoomSchema } from "@/lib/schemas/rooms";
import { recordActorAudit } from "@/server/audit/record-audit";
import { hashPassword } from "@/server/auth/password";
import type { Actor } from "@/server/authz/actor";
import { canEditDeal, roomDealVisibility } from "@/server/authz/visibility";
import { emailRoomLink } from "./email-room-link";
import { loadShareableAssets, setRoomAssets } from "./room-assets";
import { newRoomToken } from "./room-token";

/** The deal a room is made or changed on, locked; someone else's deal is a 404 (not a 403). */
export async function lockShareableDeal(tx: Database, actor: Actor, dealId: string) {
  const [deal] = await tx
    .select({
      id: deals.id,
      stageId: deals.stageId,
      ownerId: deals.ownerId,
      partnerOrgId: deals.partnerOrgId,
    })
    .from(deals)
    .where(and(eq(deals.id, dealId), roomDealVisibility(actor)))
    .for("update", { of: deals });
  if (!deal || !canEditDeal(actor, deal)) throw notFound("Deal not found");
  return deal;
}

/**
 * Creates a buyer room on a deal and records a `shared` usage of each asset at the deal's current stage.
 * Returns the room and its link, which is shown once (only its hash is stored); the link is e-mailed only
 * to the addresses in `sendTo`.
 */
export async function createRoom(
  db: Database,
  actor: Actor,
  dealId: string,
  input: Omit<z.infer<typeof createRoomSchema>, "sendTo"> & { sendTo?: string[] },
) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const deal = await lockShareableDeal(tx, actor, dealId);
    const shareable = await loadShareableAssets(tx, actor, input.assetIds);
    const link = newRoomToken();
    const gated = input.emailGate || input.allowedEmails.length > 0 || input.allowedDomain !== null;
    const [room] = await tx
      .insert(rooms)
      .values({
        workspaceId: actor.workspaceId,
        dealId: deal.id,
        creatorId: actor.userId,
        title: input.title,
        message: input.message,
        tokenHash: link.tokenHash,
        expiresAt: input.expiresAt ?? new Date(Date.now() + ROOM_DEFAULT_DAYS * 86_400_000),
        allowDownload: input.allowDownload,
        emailGate: gated,
        allowedEmails: input.allowedEmails,
        allowedDomain: input.allowedDomain,
        passwordHash,
      })
      .returning();
    const shared = await setRoomAssets(tx, actor, { ...room!, stageId: deal.stageId }, shareable);
    // Only when the rep asked: otherwise the link leaves Baton only as the rep copies it.
    await emailRoomLink(tx, actor, room!, link.url, input.sendTo ?? []);
    await recordActorAudit(tx, actor, "room.created", room!.id, {
      dealId: deal.id,
      assetIds: input.assetIds,
      usagesRecorded: shared.length,
      emailedTo: input.sendTo ?? [],
    });
    return { room: room!, url: link.url };
  });
}
