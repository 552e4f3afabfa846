import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { digestFrequencies, notificationKinds } from "../../lib/notifications";
import { assetType, assets } from "./assets";
import { contentRequests } from "./requests";
import { users } from "./users";
import { partnerTiers } from "./partners";
import { buyingStages, taxonomyTerms, workspaces } from "./workspaces";

export const notificationKind = pgEnum("notification_kind", notificationKinds);

export const digestFrequency = pgEnum("digest_frequency", digestFrequencies);

/** A marketer's note to the field, with the assets it is about. */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    // "How to use this in the field".
    fieldNote: text("field_note").notNull(),
    includeReps: boolean("include_reps").notNull(),
    // Partners at this tier and above also receive it; null: no partners.
    minPartnerTierId: uuid("min_partner_tier_id").references(() => partnerTiers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("announcements_workspace_created_idx").on(t.workspaceId, t.createdAt)],
);

export const announcementAssets = pgTable(
  "announcement_assets",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.assetId] })],
);

/** One entry in a person's notification centre (and, until read, in their next digest). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    // An in-app path such as /assets/<id>.
    link: text("link").notNull(),
    assetId: uuid("asset_id").references(() => assets.id, { onDelete: "cascade" }),
    requestId: uuid("request_id").references(() => contentRequests.id, { onDelete: "cascade" }),
    announcementId: uuid("announcement_id").references(() => announcements.id, { onDelete: "cascade" }),
    // One notification per recipient per event: a retried or repeated event never notifies twice.
    dedupeKey: text("dedupe_key").notNull(),
    // Above the hourly cap, events of one kind fold into one entry that counts them.
    itemCount: integer("item_count").notNull().default(1),
    readAt: timestamp("read_at", { withTimezone: true }),
    digestedAt: timestamp("digested_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_recipient_dedupe_uq").on(t.recipientId, t.dedupeKey),
    index("notifications_recipient_created_idx").on(t.recipientId, t.createdAt),
  ],
);

/** What a person follows: exactly one of a stage, a tag, an asset type or a single asset. */
export const notificationSubscriptions = pgTable(
  "notification_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id").references(() => buyingStages.id, { onDelete: "cascade" }),
    termId: uuid("term_id").references(() => taxonomyTerms.id, { onDelete: "cascade" }),
    assetType: assetType("asset_type"),
    assetId: uuid("asset_id").references(() => assets.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("notification_subscriptions_target_uq")
      .on(t.userId, t.stageId, t.termId, t.assetType, t.assetId)
      .nullsNotDistinct(),
    index("notification_subscriptions_stage_idx").on(t.stageId),
    index("notification_subscriptions_term_idx").on(t.termId),
    index("notification_subscriptions_asset_idx").on(t.assetId),
    check(
      "notification_subscriptions_one_target_ck",
      sql`num_nonnulls(${t.stageId}, ${t.termId}, ${t.assetType}, ${t.assetId}) = 1`,
    ),
  ],
);

/** Per-person digest settings; a person without a row gets the daily digest. */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  digest: digestFrequency("digest").notNull().default("daily"),
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
});

/** Kinds a person has muted: they are neither listed nor mailed. */
export const notificationMutes = pgTable(
  "notification_mutes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
