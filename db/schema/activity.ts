import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { buyerReactions, usageKinds } from "../../lib/assets";
import { assetVersions, assets } from "./assets";
import { deals } from "./deals";
import { rooms } from "./rooms";
import { users } from "./users";
import { buyingStages, workspaces } from "./workspaces";

export const usageKind = pgEnum("usage_kind", usageKinds);
export const buyerReaction = pgEnum("buyer_reaction", buyerReactions);
export const activityKind = pgEnum("activity_kind", ["view", "download", "search", "search_click"]);

/** Which asset was used in which deal, at which stage. */
export const assetUsages = pgTable(
  "asset_usages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    assetVersionId: uuid("asset_version_id").references(() => assetVersions.id),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id),
    kind: usageKind("kind").notNull().default("sent"),
    reaction: buyerReaction("reaction"),
    note: text("note").notNull().default(""),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    // A retried request carrying the same key never records a second usage.
    idempotencyKey: text("idempotency_key"),
    // Set for kind 'shared': the buyer room that recorded it (once per room and asset).
    roomId: uuid("room_id").references(() => rooms.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("asset_usages_idempotency_uq").on(t.actorId, t.idempotencyKey),
    uniqueIndex("asset_usages_room_asset_uq").on(t.roomId, t.assetId),
    index("asset_usages_asset_idx").on(t.assetId),
    index("asset_usages_deal_idx").on(t.dealId),
  ],
);

/** Append-only views, downloads and searches. */
export const activityEvents = pgTable(
  "activity_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id),
    kind: activityKind("kind").notNull(),
    assetId: uuid("asset_id").references(() => assets.id, { onDelete: "cascade" }),
    query: text("query"),
    filters: jsonb("filters"),
    resultCount: integer("result_count"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_events_workspace_kind_idx").on(t.workspaceId, t.kind, t.createdAt),
    index("activity_events_asset_idx").on(t.assetId),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    data: jsonb("data"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId)],
);

/** Stored responses for POSTs that carried an Idempotency-Key. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: jsonb("response_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
