import "server-only";
import { and, eq, exists, isNotNull, lt, ne, sql, type SQL } from "drizzle-orm";
import { assetUsages, assetVersions, assets, files } from "@/db/schema";
import { NEVER_USED_AFTER_DAYS, REVIEW_DUE_WITHIN_DAYS } from "@/lib/content-views";

/**
 * The lifecycle conditions the marketer views share, so "My content", "Needs attention" and the nav badge
 * never disagree about what counts as expired or due. All compare against the database clock, as
 * assetVisibility does.
 */

/** Published but past its expiry date: hidden from reps and partners, still the owner's to fix. */
export const isExpired: SQL = and(
  eq(assets.status, "published"),
  isNotNull(assets.expiresAt),
  lt(assets.expiresAt, sql`now()`),
)!;

/** Published and not expired: what reps and partners can see (before partner access rules). */
export const isLive: SQL = sql`(${assets.status} = 'published' and (${assets.expiresAt} is null or ${assets.expiresAt} >= now()))`;

/** A review date within the next week, or already past, on an asset still in use. */
export const isReviewDue: SQL = and(
  ne(assets.status, "archived"),
  isNotNull(assets.reviewBy),
  lt(assets.reviewBy, sql`now() + make_interval(days => ${REVIEW_DUE_WITHIN_DAYS})`),
)!;

/** The current version's file could not be processed (no text, no preview). */
export const hasFailedProcessing: SQL = exists(
  sql`(select 1 from ${assetVersions} join ${files} on ${files.id} = ${assetVersions.fileId} where ${assetVersions.id} = ${assets.currentVersionId} and ${files.processingState} = 'failed')`,
);

/** Live for at least two weeks and nobody has logged using it in a deal. */
export const isNeverUsed: SQL = and(
  isLive,
  lt(assets.publishedAt, sql`now() - make_interval(days => ${NEVER_USED_AFTER_DAYS})`),
  sql`not exists (select 1 from ${assetUsages} where ${assetUsages.assetId} = ${assets.id})`,
)!;
