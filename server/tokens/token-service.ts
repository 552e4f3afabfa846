import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { hashToken, TOKEN_PREFIX } from "./token-hash";

/** Creates a token acting as `actor`. The secret is returned once and only its hash is stored. */
export async function createApiToken(db: Database, actor: Actor, name: string) {
  const secret = `${TOKEN_PREFIX}${randomBytes(24).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name,
        tokenHash: hashToken(secret),
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      })
      .returning();
    await recordActorAudit(tx, actor, "token.created", row!.id, { name });
    return { token: row!, secret };
  });
}

export function listApiTokens(db: Database, actor: Actor) {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the actor's own tokens; another user's token is a 404. */
export async function revokeApiToken(db: Database, actor: Actor, tokenId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound("API token not found");
    await recordActorAudit(tx, actor, "token.revoked", row.id);
    return row;
  });
}

/**
 * Revokes every live token of the users `whose` selects. Called when a user or a partner organisation is
 * deactivated or reactivated, so a token issued before never works again: reactivation starts afresh.
 */
export async function revokeTokensOfUsers(db: Database, whose: SQL) {
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        isNull(apiTokens.revokedAt),
        inArray(apiTokens.userId, db.select({ id: users.id }).from(users).where(whose)),
      ),
    );
}
