import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";

/**
 * Ends a signed-in session on the server: the user's session version moves on, so the signed JWT that
 * carried the old version (and any copy of it) is refused on its next request. Every session of the user
 * carries the same version, so signing out signs out everywhere; a token already superseded changes nothing.
 */
export async function revokeSessions(db: Database, userId: string, sessionVersion: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)));
}
