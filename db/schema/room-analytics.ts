import { bigint, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { assets } from "./assets";
import { deals } from "./deals";
import { rooms } from "./rooms";
import { buyingStages, workspaces } from "./workspaces";

/**
 * Buyer engagement rollup for marketing analytics: one row per asset shared in a room (kept when the asset
 * is later taken out of the room: it was shared), with what the room's counted buyers did with it. Kept
 * current by triggers on room_assets, room_visits and room_visit_assets (migration
 * "room_engagement_rollup") in the same transaction as each beacon, so analytics never reads the rooms'
 * raw visit rows. Bots and visits that never proved a person was reading are left out (README "The bot
 * rule").
 */
export const analyticsRoomAssets = pgTable(
  "analytics_room_assets",
  {
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    // The deal's stage when the asset was shared (the stage of its `shared` usage).
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull(),
    // Counted visits (buyers) that opened the asset: read a page of it or downloaded it.
    readers: integer("readers").notNull().default(0),
    firstOpenedAt: timestamp("first_opened_at", { withTimezone: true }),
    // Reading time of all its buyers together (0 for visitors who asked not to be tracked).
    readMs: bigint("read_ms", { mode: "number" }).notNull().default(0),
    // The furthest page any of its buyers reached (page 1 for images and videos; 0 when not opened).
    furthestPage: integer("furthest_page").notNull().default(0),
    downloads: integer("downloads").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roomId, t.assetId] }),
    index("analytics_room_assets_asset_idx").on(t.assetId, t.sharedAt),
    index("analytics_room_assets_deal_idx").on(t.dealId),
    index("analytics_room_assets_workspace_idx").on(t.workspaceId, t.sharedAt),
  ],
);
