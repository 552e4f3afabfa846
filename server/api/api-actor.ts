import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getServerSession } from "next-auth";
import type { Database } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authOptions } from "@/server/auth/auth-options";
import { actorOf, loadActor, selectActor, type Actor } from "@/server/authz/actor";
import { hashToken } from "@/server/tokens/token-hash";

/** How stale a token's "last used" time may be. */
export const LAST_USED_PRECISION_MS = 60_000;

/**
 * The actor behind an API request: a bearer token (acting as the user who created it) or the signed-in
 * session. A token that is unknown, revoked, or whose user is deactivated is a 401.
 */
export async function resolveApiActor(
  db: Database,
  request: Request,
  opts: { allowToken: boolean },
): Promise<{ actor: Actor; via: "token" | "session" }> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !opts.allowToken) {
      throw new AppError(
        "unauthenticated",
        opts.allowToken
          ? "Malformed Authorization header; use 'Bearer <token>'"
          : "This endpoint needs a signed-in session, not an API token",
      );
    }
    // The token and the actor behind it in one statement.
    const [row] = await selectActor(db, { tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
      .innerJoin(apiTokens, eq(apiTokens.userId, users.id))
      .where(and(eq(apiTokens.tokenHash, hashToken(match[1]!)), isNull(apiTokens.revokedAt)));
    const actor = actorOf(row);
    if (!row || !actor) throw new AppError("unauthenticated", "The API token is invalid or has been revoked");
    // "Last used" to the minute: writing it on every call made each request wait for a commit to disk,
    // and every request on one token queue for that row's lock.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(eq(apiTokens.id, row.tokenId));
    }
    return { actor, via: "token" };
  }
  const session = await getServerSession(authOptions);
  const actor = session?.uid ? await loadActor(db, session.uid, session.sv ?? 0) : null;
  if (!actor) throw new AppError("unauthenticated", "Sign in or send an API token");
  return { actor, via: "session" };
}
