import "server-only";
import { getTableColumns, sql } from "drizzle-orm";
import { roomVisits } from "@/db/schema";
import { hitRateLimit } from "@/server/auth/sign-in-throttle";
import { notifyRoomReturn } from "./notify-buyer-visit";
import { tooMany, type OpenRoom, type Visit } from "./room-door";
import {
  asksNotToTrack,
  isBotUserAgent,
  networkHash,
  newVisitorId,
  userAgentClass,
  visitorCookie,
  visitorIdFrom,
} from "./visitor";

// Page loads per address and room in a minute: a person reloads a few times, a loop does not get far.
const OPENS_PER_MINUTE = 30;

/**
 * Records that the room's page was opened: the visitor's existing visit (by its cookie) or a new one.
 * Known bots and link scanners get a visit marked as such, so the filtered count stays honest.
 */
export async function recordVisit(
  open: OpenRoom,
  request: Request,
): Promise<{ visit: Visit; setCookie: string | null }> {
  const wait = await hitRateLimit(
    open.db,
    `room-open:${open.room.id}:${open.address ?? "unknown"}`,
    OPENS_PER_MINUTE,
    60,
  );
  if (wait > 0) throw tooMany("Too many requests. Try again in a minute.", wait);
  const known = visitorIdFrom(request);
  const visitorId = known ?? newVisitorId();
  const userAgent = request.headers.get("user-agent") ?? "";
  const [row] = await open.db
    .insert(roomVisits)
    .values({
      roomId: open.room.id,
      visitorId,
      userAgentClass: userAgentClass(userAgent),
      networkHash: networkHash(open.room.id, open.address),
      doNotTrack: asksNotToTrack(request),
      bot: isBotUserAgent(userAgent),
    })
    .onConflictDoUpdate({
      target: [roomVisits.roomId, roomVisits.visitorId],
      set: { lastSeenAt: sql`now()`, doNotTrack: sql`excluded.do_not_track` },
    })
    .returning({
      ...getTableColumns(roomVisits),
      // Subqueries in RETURNING see the row as it was before this statement: the previous visit time.
      cameBack: sql<boolean>`coalesce((select v.last_seen_at <= now() - interval '1 day' from room_visits v
        where v.room_id = ${open.room.id} and v.visitor_id = ${visitorId}), false)`,
    });
  const { cameBack, ...visit } = row!;
  if (visit.engagedAt && !visit.bot && cameBack) await notifyRoomReturn(open, visit);
  const secure = new URL(request.url).protocol === "https:";
  return { visit, setCookie: known ? null : visitorCookie(open.token, visitorId, secure) };
}
