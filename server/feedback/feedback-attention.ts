import "server-only";
import { and, desc, eq, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetComments, assetRatings, assets, users } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { assetRowColumns } from "@/server/assets/asset-row-columns";

const SECTION_LIMIT = 100;

// Open threads started by someone other than the owner, and "didn't help" ratings not yet read.
// Correlated on assets.id: drizzle qualifies it only in a query that joins another table (ours joins
// users); in a single-table select it would resolve to the subquery's own id.
const openThreads = sql<number>`(select count(*) from ${assetComments} c where c.asset_id = ${assets.id} and c.parent_id is null and c.resolved_at is null and c.author_id <> ${assets.ownerId})::int`;
const openQuestions = sql<number>`(select count(*) from ${assetComments} c where c.asset_id = ${assets.id} and c.parent_id is null and c.resolved_at is null and c.author_id <> ${assets.ownerId} and c.kind = 'question')::int`;
const newNotHelped = sql<number>`(select count(*) from ${assetRatings} r where r.asset_id = ${assets.id} and not r.helped and r.acknowledged_at is null and r.user_id <> ${assets.ownerId})::int`;
const latestFeedbackAt = sql<Date>`greatest(
  (select max(c.created_at) from ${assetComments} c where c.asset_id = ${assets.id} and c.author_id <> ${assets.ownerId}),
  (select max(r.updated_at) from ${assetRatings} r where r.asset_id = ${assets.id} and not r.helped and r.acknowledged_at is null)
)`;

function ownedBy(actor: Actor, acrossOwners: boolean): SQL {
  const visible = assetVisibility(actor);
  return acrossOwners ? visible : and(visible, eq(assets.ownerId, actor.userId))!;
}

/**
 * The "New feedback" section of Needs attention: the actor's assets (or everyone's, for an admin looking
 * across owners) with open comments or questions from others or unread "didn't help" ratings, newest
 * feedback first; `count` is the number of open items (threads + ratings), like the nav badge.
 */
export async function feedbackNeedingAttention(db: Database, actor: Actor, opts: { acrossOwners: boolean }) {
  const rows = await db
    .select({
      ...assetRowColumns,
      ownerName: users.name,
      openThreads,
      openQuestions,
      newNotHelped,
      latestFeedbackAt,
    })
    .from(assets)
    .innerJoin(users, eq(users.id, assets.ownerId))
    .where(and(ownedBy(actor, opts.acrossOwners), sql`(${openThreads} + ${newNotHelped}) > 0`))
    .orderBy(desc(latestFeedbackAt), desc(assets.id))
    .limit(SECTION_LIMIT);
  const count = await countOpenFeedback(db, actor, opts.acrossOwners);
  return { count, items: rows };
}

/** Open feedback items on the actor's assets (threads from others + unread "didn't help" ratings). */
export async function countOpenFeedback(db: Database, actor: Actor, acrossOwners = false): Promise<number> {
  const owned = ownedBy(actor, acrossOwners);
  const [threads] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assetComments)
    .innerJoin(assets, eq(assets.id, assetComments.assetId))
    .where(
      and(
        owned,
        isNull(assetComments.parentId),
        isNull(assetComments.resolvedAt),
        ne(assetComments.authorId, assets.ownerId),
      ),
    );
  const [ratings] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(assetRatings)
    .innerJoin(assets, eq(assets.id, assetRatings.assetId))
    .where(
      and(
        owned,
        eq(assetRatings.helped, false),
        isNull(assetRatings.acknowledgedAt),
        ne(assetRatings.userId, assets.ownerId),
      ),
    );
  return (threads?.n ?? 0) + (ratings?.n ?? 0);
}
