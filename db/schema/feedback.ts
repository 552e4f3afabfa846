import {
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { commentKinds, ratingReasons } from "../../lib/feedback";
import { assets } from "./assets";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const ratingReason = pgEnum("rating_reason", ratingReasons);
export const commentKind = pgEnum("comment_kind", commentKinds);

/**
 * One rating per person per asset ("helped" or "didn't help", with an optional reason); changing it
 * updates the row. A "didn't help" is new for the owner until acknowledged, and new again if re-rated.
 */
export const assetRatings = pgTable(
  "asset_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    helped: boolean("helped").notNull(),
    reason: ratingReason("reason"),
    reasonText: text("reason_text").notNull().default(""),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("asset_ratings_asset_user_uq").on(t.assetId, t.userId),
    index("asset_ratings_workspace_idx").on(t.workspaceId),
  ],
);

/** Comments and questions on an asset; a reply points at its thread's first comment (one level deep). */
export const assetComments = pgTable(
  "asset_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => assetComments.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    kind: commentKind("kind").notNull().default("comment"),
    body: text("body").notNull(),
    // Set on a thread's first comment when the owner or a marketer has dealt with it.
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("asset_comments_asset_idx").on(t.assetId, t.createdAt),
    index("asset_comments_parent_idx").on(t.parentId),
  ],
);

export const assetCommentMentions = pgTable(
  "asset_comment_mentions",
  {
    commentId: uuid("comment_id")
      .notNull()
      .references(() => assetComments.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.userId] }),
    index("asset_comment_mentions_user_idx").on(t.userId),
  ],
);
