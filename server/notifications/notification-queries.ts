import "server-only";
import { and, count, desc, eq, inArray, isNull, notExists, or, exists, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, notificationMutes, notifications } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/**
 * What the actor's notification centre shows: their own entries of kinds they have not muted, and of those
 * about an asset only the ones whose asset they may still see (it may have been archived since).
 */
export function inboxWhere(db: Database, actor: Actor) {
  return and(
    eq(notifications.recipientId, actor.userId),
    notExists(
      db
        .select({ one: sql`1` })
        .from(notificationMutes)
        .where(
          and(eq(notificationMutes.userId, actor.userId), eq(notificationMutes.kind, notifications.kind)),
        ),
    ),
    or(
      isNull(notifications.assetId),
      exists(
        db
          .select({ one: sql`1` })
          .from(assets)
          .where(and(eq(assets.id, notifications.assetId), assetVisibility(actor))),
      ),
    ),
  )!;
}

export async function countUnread(db: Database, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(inboxWhere(db, actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(db: Database, actor: Actor, opts: { limit?: number } = {}) {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      itemCount: notifications.itemCount,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(inboxWhere(db, actor))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit ?? 100);
  return rows.map((r) => ({
    ...r,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Marks the given entries (or, without ids, every entry) of the actor's as read; returns how many changed. */
export async function markNotificationsRead(db: Database, actor: Actor, ids?: string[]): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.recipientId, actor.userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
