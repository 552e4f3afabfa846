import "server-only";
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, files, users } from "@/db/schema";
import type { OwnerScope } from "@/lib/content-views";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { assetVisibility } from "@/server/authz/visibility";
import { hasFailedProcessing, isExpired, isNeverUsed, isReviewDue } from "./content-conditions";
import { actsForEveryone } from "@/server/authz/rules";
import { assetRowColumns } from "./asset-row-columns";
import { withCurrentFile } from "./current-file";

export const attentionSections = [
  "expired",
  "reviewDue",
  "processingFailed",
  "neverUsed",
  "awaitingReview",
] as const;
export type AttentionSection = (typeof attentionSections)[number];

const SECTION_LIMIT = 100;

function sectionRows(db: Database, where: SQL, orderBy: SQL[]) {
  return withCurrentFile(
    db
      .select({
        ...assetRowColumns,
        ownerId: assets.ownerId,
        ownerName: users.name,
        expiresAt: assets.expiresAt,
        reviewBy: assets.reviewBy,
        publishedAt: assets.publishedAt,
        updatedAt: assets.updatedAt,
        processingError: files.processingError,
        total: sql<number>`count(*) over ()::int`,
      })
      .from(assets)
      .innerJoin(users, eq(users.id, assets.ownerId))
      .$dynamic(),
  )
    .where(where)
    .orderBy(...orderBy, asc(assets.id))
    .limit(SECTION_LIMIT);
}

/**
 * "Needs attention": what an owner has to act on (expired, review due, processing failed), what is not
 * pulling its weight (never used), and, for publishers, other people's submissions awaiting review.
 * Each section is ordered most urgent first; `count` is the full count even when items are capped.
 * Only admins may look across every owner.
 */
export async function getAttention(db: Database, actor: Actor, opts: { owner: OwnerScope }) {
  const visible = assetVisibility(actor);
  const acrossOwners = opts.owner === "all" && actsForEveryone(actor);
  const owned = acrossOwners ? visible : and(visible, eq(assets.ownerId, actor.userId))!;
  const submitter = sql`coalesce(${assets.submittedForReviewById}, ${assets.ownerId})`;

  const [expired, reviewDue, processingFailed, neverUsed, awaitingReview] = await Promise.all([
    sectionRows(db, and(owned, isExpired)!, [asc(assets.expiresAt)]),
    sectionRows(db, and(owned, isReviewDue)!, [asc(assets.reviewBy)]),
    // A live asset with no preview or search text hurts reps now; drafts can wait.
    sectionRows(db, and(owned, hasFailedProcessing)!, [
      sql`(${assets.status} = 'published') desc`,
      asc(assets.updatedAt),
    ]),
    sectionRows(db, and(owned, isNeverUsed)!, [asc(assets.publishedAt)]),
    actorCan(actor, "assets.publish")
      ? sectionRows(db, and(visible, eq(assets.status, "in_review"), ne(submitter, actor.userId))!, [
          asc(assets.updatedAt),
        ])
      : Promise.resolve([]),
  ]);
  const section = (rows: Awaited<ReturnType<typeof sectionRows>>) => ({
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...item }) => item),
  });
  return {
    acrossOwners,
    expired: section(expired),
    reviewDue: section(reviewDue),
    processingFailed: section(processingFailed),
    neverUsed: section(neverUsed),
    awaitingReview: section(awaitingReview),
  } satisfies Record<AttentionSection, unknown> & { acrossOwners: boolean };
}

export type Attention = Awaited<ReturnType<typeof getAttention>>;

/**
 * The nav badge: how many things the actor, as owner, has to fix (expired + review due + processing
 * failed), counted exactly as the first three sections of "Needs attention" count them.
 */
export async function countOwnerAttention(db: Database, actor: Actor): Promise<number> {
  const [row] = await db
    .select({
      n: sql<number>`(count(*) filter (where ${isExpired}) + count(*) filter (where ${isReviewDue}) + count(*) filter (where ${hasFailedProcessing}))::int`,
    })
    .from(assets)
    .where(and(assetVisibility(actor), eq(assets.ownerId, actor.userId)));
  return row?.n ?? 0;
}
