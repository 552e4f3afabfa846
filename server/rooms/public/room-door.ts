import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { roomVisits, rooms, users, workspaces } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/server/auth/client-address";
import { hitRateLimit } from "@/server/auth/sign-in-throttle";
import { hashRoomToken, ROOM_TOKEN_PATTERN } from "../room-token";
import { visitorIdFrom } from "./visitor";

export const GONE_MESSAGE = "This link is not available. Ask the person who sent it for a new one.";

// Misses allowed per address before it must wait: far beyond typos, far below any guessing.
const GUESS_LIMIT = 20;
const GUESS_WINDOW_SECONDS = 600;

export interface OpenRoom {
  db: Database;
  token: string;
  address: string | null;
  room: typeof rooms.$inferSelect;
  workspace: { name: string; logoUrl: string | null };
  creatorName: string;
}

/**
 * The one door of every public room request: the token must name a room that is neither expired nor
 * revoked (checked on every request, so revoking takes effect at once). An unknown, expired or revoked
 * token gets the same answer, and misses are rate limited per address.
 */
export async function openRoom(request: Request, token: string): Promise<OpenRoom> {
  const db = await getDb();
  const address = clientAddress(request.headers);
  const found = ROOM_TOKEN_PATTERN.test(token)
    ? await db
        .select({
          room: rooms,
          workspace: { name: workspaces.name, logoUrl: workspaces.logoUrl },
          creatorName: users.name,
        })
        .from(rooms)
        .innerJoin(workspaces, eq(workspaces.id, rooms.workspaceId))
        .innerJoin(users, eq(users.id, rooms.creatorId))
        .where(
          and(
            eq(rooms.tokenHash, hashRoomToken(token)),
            sql`${rooms.revokedAt} is null`,
            sql`${rooms.expiresAt} > now()`,
          ),
        )
    : [];
  if (!found[0]) {
    const wait = await hitRateLimit(
      db,
      `room-guess:${address ?? "unknown"}`,
      GUESS_LIMIT,
      GUESS_WINDOW_SECONDS,
    );
    if (wait > 0) throw tooMany("Too many attempts. Try again later.", wait);
    throw new AppError("gone", GONE_MESSAGE);
  }
  return { db, token, address, ...found[0] };
}

export type Visit = typeof roomVisits.$inferSelect;

/** The visit this request's visitor cookie names in this room, or null. */
export async function findVisit(open: OpenRoom, request: Request): Promise<Visit | null> {
  const visitorId = visitorIdFrom(request);
  if (!visitorId) return null;
  const [visit] = await open.db
    .select()
    .from(roomVisits)
    .where(and(eq(roomVisits.roomId, open.room.id), eq(roomVisits.visitorId, visitorId)));
  return visit ?? null;
}

export const needsUnlock = (room: OpenRoom["room"]) => room.emailGate || room.passwordHash !== null;

/**
 * The visit behind a request for the room's content (page images, video, downloads, beacons): it must
 * exist and, in a gated room, have passed the gate.
 */
export async function requireAdmittedVisit(open: OpenRoom, request: Request): Promise<Visit> {
  const visit = await findVisit(open, request);
  if (!visit || (needsUnlock(open.room) && !visit.unlockedAt)) {
    throw new AppError("forbidden", "Open the link first.");
  }
  return visit;
}

export const TOO_MANY_MESSAGE = "Too many requests. Slow down.";

/** A per-visit ceiling on a public endpoint, so one open page cannot flood it. */
export async function limitVisit(open: OpenRoom, visit: Visit, what: string, perMinute: number) {
  const wait = await hitRateLimit(open.db, `room-${what}:${visit.id}`, perMinute, 60);
  if (wait > 0) throw tooMany(TOO_MANY_MESSAGE, wait);
}

export function tooMany(message: string, retryAfterSeconds: number) {
  return new AppError("rate_limited", message, { retryAfterSeconds });
}
