import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { assets } from "./assets";
import { deals } from "./deals";
import { outboundEmails } from "./mail";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * A buyer room: a link a rep sends to a buyer, opening the chosen assets without a Baton account. Only
 * the SHA-256 of the link's token is stored, so the link cannot be rebuilt from the database.
 */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    creatorId: uuid("creator_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    message: text("message").notNull().default(""),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    allowDownload: boolean("allow_download").notNull().default(true),
    // The visitor gives an email before seeing anything; optionally only these addresses or this domain.
    emailGate: boolean("email_gate").notNull().default(false),
    allowedEmails: text("allowed_emails")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    allowedDomain: text("allowed_domain"),
    passwordHash: text("password_hash"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rooms_token_hash_uq").on(t.tokenHash), index("rooms_deal_idx").on(t.dealId)],
);

/**
 * A room's link e-mailed to a buyer because the rep asked (Baton sends nothing otherwise): one message
 * per room and address; where it stands (outbox, queued, sent, failed) is the message's status.
 */
export const roomLinkEmails = pgTable(
  "room_link_emails",
  {
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    emailId: uuid("email_id")
      .notNull()
      .references(() => outboundEmails.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.toAddress] })],
);

/** The assets of a room, in the order the buyer sees them. */
export const roomAssets = pgTable(
  "room_assets",
  {
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.assetId] }), index("room_assets_asset_idx").on(t.assetId)],
);

/**
 * One visitor's visit to a room. No raw address is kept: `networkHash` is a hash of the truncated
 * network (IPv4 /24, IPv6 /48) salted with the room id, so it cannot be matched across rooms.
 */
export const roomVisits = pgTable(
  "room_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    // First-party visitor id from the room's cookie (random, meaningless elsewhere).
    visitorId: text("visitor_id").notNull(),
    email: text("email"),
    userAgentClass: text("user_agent_class").notNull(),
    networkHash: text("network_hash"),
    // Do-Not-Track or Global Privacy Control: the visit counts, its per-page timing is not kept.
    doNotTrack: boolean("do_not_track").notNull().default(false),
    // A known bot or link-scanner user agent: kept to explain the numbers, never counted as a buyer.
    bot: boolean("bot").notNull().default(false),
    // Set when the visit proved a person reads it (see README "The bot rule"); only these count.
    engagedAt: timestamp("engaged_at", { withTimezone: true }),
    // Passed the room's email gate and/or password.
    unlockedAt: timestamp("unlocked_at", { withTimezone: true }),
    // When the last accepted beacon arrived: a beacon may not claim more reading time than has passed.
    lastBeaconAt: timestamp("last_beacon_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("room_visits_visitor_uq").on(t.roomId, t.visitorId),
    index("room_visits_room_idx").on(t.roomId, t.startedAt),
  ],
);

/** What one visit did with one asset of the room. */
export const roomVisitAssets = pgTable(
  "room_visit_assets",
  {
    visitId: uuid("visit_id")
      .notNull()
      .references(() => roomVisits.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }).notNull().defaultNow(),
    lastPage: integer("last_page").notNull().default(0),
    dwellMs: bigint("dwell_ms", { mode: "number" }).notNull().default(0),
    downloads: integer("downloads").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.assetId] }),
    index("room_visit_assets_asset_idx").on(t.assetId),
  ],
);

/** Time a visit spent on one page of a paged asset (page 1 for images and videos). */
export const roomPageDwell = pgTable(
  "room_page_dwell",
  {
    visitId: uuid("visit_id")
      .notNull()
      .references(() => roomVisits.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    page: integer("page").notNull(),
    dwellMs: bigint("dwell_ms", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.assetId, t.page] })],
);
