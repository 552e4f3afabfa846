import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { fanOut } from "@/server/notifications/fan-out";
import type { OpenRoom, Visit } from "./room-door";

function who(visit: Pick<Visit, "email">) {
  return visit.email ?? "A buyer";
}

/** The room's first counted buyer: the rep who shared it hears about it once. */
export async function notifyRoomOpened(
  db: Database,
  room: Pick<OpenRoom["room"], "id" | "workspaceId" | "creatorId" | "dealId" | "title">,
  visit: Pick<Visit, "email">,
) {
  await fanOut(db, {
    workspaceId: room.workspaceId,
    kind: "buyer_engagement",
    who: sql`${users.id} = ${room.creatorId}`,
    title: `${who(visit)} opened “${room.title}”`,
    body: "They are reading what you shared. See what they opened on the deal.",
    link: `/deals/${room.dealId}#rooms`,
    dedupeKey: `room_opened:${room.id}`,
  });
}

/** A counted buyer coming back after a day or more away (once per visitor and day). */
export async function notifyRoomReturn(open: OpenRoom, visit: Pick<Visit, "id" | "email">) {
  await fanOut(open.db, {
    workspaceId: open.room.workspaceId,
    kind: "buyer_engagement",
    who: sql`${users.id} = ${open.room.creatorId}`,
    title: `${who(visit)} came back to “${open.room.title}”`,
    body: "A returning buyer is a good moment to follow up.",
    link: `/deals/${open.room.dealId}#rooms`,
    dedupeKey: `room_return:${visit.id}:${new Date().toISOString().slice(0, 10)}`,
  });
}
