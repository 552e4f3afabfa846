import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, outboundEmails, roomAssets, roomLinkEmails } from "@/db/schema";
import { formatDate } from "@/lib/format";
import type { Actor } from "@/server/authz/actor";
import { sendEmail } from "@/server/mail/send-email";

interface RoomToSend {
  id: string;
  title: string;
  message: string;
  expiresAt: Date;
  passwordHash: string | null;
}

/**
 * E-mails a room's link to the buyers the rep named, through the outbox (SMTP when configured). Called in
 * the transaction that made the link, the only moment it exists in clear; one message per room and
 * address (the table's key), so a retried creation that replays never mails twice. The password, if
 * any, is never in the message: the rep gives it another way.
 */
export async function emailRoomLink(
  tx: Database,
  actor: Actor,
  room: RoomToSend,
  url: string,
  addresses: string[],
): Promise<void> {
  const unique = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  if (unique.length === 0) return;
  const contents = await tx
    .select({ title: assets.title })
    .from(roomAssets)
    .innerJoin(assets, eq(assets.id, roomAssets.assetId))
    .where(eq(roomAssets.roomId, room.id))
    .orderBy(asc(roomAssets.position));
  const text = [
    ...(room.message ? [room.message, ""] : []),
    `${actor.name} shared “${room.title}” with you:`,
    ...contents.map((c) => `- ${c.title}`),
    "",
    `Open it here (no account needed): ${url}`,
    `The link works until ${formatDate(room.expiresAt)}.`,
    ...(room.passwordHash ? [`${actor.name} will give you the password it asks for.`] : []),
  ].join("\n");
  for (const to of unique) {
    const emailId = await sendEmail(tx, {
      workspaceId: actor.workspaceId,
      to,
      kind: "room_link",
      subject: `${actor.name} shared “${room.title}” with you`,
      text,
    });
    await tx.insert(roomLinkEmails).values({ roomId: room.id, toAddress: to, emailId });
  }
}

/** Where each room's e-mailed link stands (outbox, queued, sent, failed), oldest first. */
export async function roomLinkEmailsOf(db: Database, roomIds: string[]) {
  if (roomIds.length === 0) return [];
  return db
    .select({
      roomId: roomLinkEmails.roomId,
      to: roomLinkEmails.toAddress,
      status: outboundEmails.status,
      queuedAt: outboundEmails.createdAt,
      sentAt: outboundEmails.sentAt,
    })
    .from(roomLinkEmails)
    .innerJoin(outboundEmails, eq(outboundEmails.id, roomLinkEmails.emailId))
    .where(inArray(roomLinkEmails.roomId, roomIds))
    .orderBy(asc(outboundEmails.createdAt), asc(roomLinkEmails.toAddress));
}
