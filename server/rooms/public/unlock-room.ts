import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { roomVisits } from "@/db/schema";
import { verifyPassword } from "@/server/auth/password";
import { hitRateLimit } from "@/server/auth/sign-in-throttle";
import { notifyRoomOpened } from "./notify-buyer-visit";
import { tooMany, type OpenRoom, type Visit } from "./room-door";

const ATTEMPTS_PER_10_MINUTES = 10;

const formSchema = z.object({
  email: z.string().trim().toLowerCase().max(320).optional(),
  password: z.string().max(200).optional(),
});

/** Whether an address may pass the room's email gate (its allow-list or domain, when set). */
export function emailAllowed(room: OpenRoom["room"], email: string): boolean {
  if (room.allowedEmails.length === 0 && !room.allowedDomain) return true;
  if (room.allowedEmails.includes(email)) return true;
  return room.allowedDomain !== null && email.endsWith(`@${room.allowedDomain}`);
}

/**
 * Lets a visit through the room's email gate and password. Returns the message to show when it may not
 * pass; attempts are limited per address and room.
 */
export async function unlockRoom(open: OpenRoom, visit: Visit, form: FormData): Promise<string | null> {
  const wait = await hitRateLimit(
    open.db,
    `room-unlock:${open.room.id}:${open.address ?? "unknown"}`,
    ATTEMPTS_PER_10_MINUTES,
    600,
  );
  if (wait > 0) throw tooMany("Too many attempts. Try again in a few minutes.", wait);
  const input = formSchema.parse({
    email: form.get("email") ?? undefined,
    password: form.get("password") ?? undefined,
  });
  const { room } = open;
  let email: string | null = null;
  if (room.emailGate) {
    const parsed = z.email().safeParse(input.email ?? "");
    if (!parsed.success) return "Enter a valid email address.";
    if (!emailAllowed(room, parsed.data))
      return "This room is shared with specific people. Use the address it was sent to.";
    email = parsed.data;
  }
  if (room.passwordHash && !(await verifyPassword(room.passwordHash, input.password ?? ""))) {
    return "That password is not right.";
  }
  const [updated] = await open.db
    .update(roomVisits)
    .set({
      unlockedAt: sql`now()`,
      email,
      lastSeenAt: sql`now()`,
      // Filling in the gate is something scanners do not do: the visit is a person's.
      engagedAt: visit.bot ? null : sql`coalesce(${roomVisits.engagedAt}, now())`,
    })
    .where(eq(roomVisits.id, visit.id))
    .returning({ engagedAt: roomVisits.engagedAt });
  if (!visit.engagedAt && updated?.engagedAt) await notifyRoomOpened(open.db, open.room, { email });
  return null;
}
