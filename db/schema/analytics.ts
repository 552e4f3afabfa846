import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { assets } from "./assets";
import { deals } from "./deals";
import { buyingStages, workspaces } from "./workspaces";

/*
 * Rollups for marketing analytics, kept current by triggers (db/migrations, "analytics_rollup_triggers")
 * in the same transaction as the write that changes them, so dashboards never scan raw events.
 */

/** Views and downloads of an asset per UTC day (from the append-only activity_events). */
export const analyticsAssetDaily = pgTable(
  "analytics_asset_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    views: integer("views").notNull().default(0),
    downloads: integer("downloads").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.day] }),
    index("analytics_asset_daily_workspace_day_idx").on(t.workspaceId, t.day),
  ],
);

/** Usages logged per asset, stage and UTC day (from asset_usages; recounted on edit and delete). */
export const analyticsUsageDaily = pgTable(
  "analytics_usage_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    usages: integer("usages").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.stageId, t.day] }),
    index("analytics_usage_daily_workspace_day_idx").on(t.workspaceId, t.day),
    // Covers the heatmap's edge-day sums, so they read no heap pages.
    index("analytics_usage_daily_workspace_day_cover_idx").on(
      t.workspaceId,
      t.day,
      t.assetId,
      t.stageId,
      t.usages,
    ),
  ],
);

/** One row per (deal, asset, stage) that has at least one usage: repeats of the same use collapse here. */
export const analyticsDealAssets = pgTable(
  "analytics_deal_assets",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    usages: integer("usages").notNull(),
    firstUsedAt: timestamp("first_used_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.assetId, t.stageId] }),
    index("analytics_deal_assets_asset_idx").on(t.assetId),
    index("analytics_deal_assets_workspace_idx").on(t.workspaceId),
  ],
);

/**
 * The furthest stage (by position) a deal has reached: its current stage, any stage in its history, any
 * stage a usage was logged at. Never decreases, so a deal moved back still counts as having reached it.
 */
export const analyticsDealReach = pgTable(
  "analytics_deal_reach",
  {
    dealId: uuid("deal_id")
      .primaryKey()
      .references(() => deals.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    reachedPosition: integer("reached_position").notNull(),
  },
  (t) => [index("analytics_deal_reach_workspace_idx").on(t.workspaceId)],
);

/*
 * Outcome rollups: closed deals counted per asset (and stage) and close period, so the effectiveness
 * numbers (metrics.ts) need no join to deals when the filters are only period, stage and asset type.
 * Each row is one close bucket: span 'day' (a UTC day) or 'month' (its first day; '-infinity' holds closed
 * deals without a close date). Every closed deal is in both spans, so any from/to range is whole months
 * from the monthly rows plus the edge days from the daily rows. Counts are of distinct deals; revenue is
 * the sum of won deals' amounts. Kept by triggers ("analytics_outcome_triggers").
 */
const spanCheck = (name: string) => check(name, sql`span IN ('day', 'month', 'year')`);

/** Closed deals that used the asset (at any stage), by the furthest stage position the deal reached. */
export const analyticsOutcomeAssets = pgTable(
  "analytics_outcome_assets",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    span: text("span").notNull(),
    bucket: date("bucket").notNull(),
    reachedPosition: integer("reached_position").notNull(),
    won: integer("won").notNull(),
    lost: integer("lost").notNull(),
    wonRevenueMinor: bigint("won_revenue_minor", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.span, t.bucket, t.reachedPosition] }),
    index("analytics_outcome_assets_workspace_idx").on(t.workspaceId, t.span, t.bucket),
    spanCheck("analytics_outcome_assets_span_check"),
  ],
);

/** Closed deals that used the asset at the stage. */
export const analyticsOutcomeStages = pgTable(
  "analytics_outcome_stages",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    span: text("span").notNull(),
    bucket: date("bucket").notNull(),
    won: integer("won").notNull(),
    lost: integer("lost").notNull(),
    wonRevenueMinor: bigint("won_revenue_minor", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.stageId, t.span, t.bucket] }),
    index("analytics_outcome_stages_workspace_idx").on(t.workspaceId, t.span, t.bucket),
    spanCheck("analytics_outcome_stages_span_check"),
  ],
);

/** All closed deals, by the furthest stage position reached (0: no stage recorded). */
export const analyticsOutcomeReach = pgTable(
  "analytics_outcome_reach",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    span: text("span").notNull(),
    bucket: date("bucket").notNull(),
    reachedPosition: integer("reached_position").notNull(),
    won: integer("won").notNull(),
    lost: integer("lost").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.span, t.bucket, t.reachedPosition] }),
    spanCheck("analytics_outcome_reach_span_check"),
  ],
);

/*
 * Usage rollups for the asset list and adoption. A deal's use of an asset counts at its latest use (at any
 * stage), and a rep's at the latest use across their deals, so "distinct deals" and "distinct reps" in a
 * period become sums of rows whose latest use falls in it. Kept by triggers ("analytics_usage_triggers").
 */

/** Per deal and asset: the deal's owner and its latest use of the asset (over analytics_deal_assets). */
export const analyticsDealAssetLatest = pgTable(
  "analytics_deal_asset_latest",
  {
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.assetId] }),
    index("analytics_deal_asset_latest_rep_idx").on(t.assetId, t.ownerId, t.lastUsedAt),
    index("analytics_deal_asset_latest_asset_idx").on(t.assetId, t.lastUsedAt),
  ],
);

/** Per asset and rep (deal owner): the latest use of the asset in any of the rep's deals. */
export const analyticsAssetRepLatest = pgTable(
  "analytics_asset_rep_latest",
  {
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.ownerId] })],
);

/**
 * Per asset and bucket (span 'day' or 'month', as the outcome rollups): usages of deal x asset x stage rows
 * by their last use, deals by their latest use of the asset, reps by their latest use of it.
 */
export const analyticsAssetUsage = pgTable(
  "analytics_asset_usage",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    span: text("span").notNull(),
    bucket: date("bucket").notNull(),
    usages: integer("usages").notNull(),
    deals: integer("deals").notNull(),
    reps: integer("reps").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.span, t.bucket] }),
    index("analytics_asset_usage_workspace_idx").on(t.workspaceId, t.span, t.bucket),
    spanCheck("analytics_asset_usage_span_check"),
  ],
);

/** Per rep and UTC day: how many of their deals' asset uses had their latest use that day (adoption). */
export const analyticsRepActivity = pgTable(
  "analytics_rep_activity",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull(),
    day: date("day").notNull(),
    uses: integer("uses").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.ownerId, t.day] }),
    index("analytics_rep_activity_day_idx").on(t.workspaceId, t.day),
  ],
);

/** Usages logged per asset, stage and UTC month (the monthly sums of analytics_usage_daily). */
export const analyticsUsageMonthly = pgTable(
  "analytics_usage_monthly",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    month: date("month").notNull(),
    usages: integer("usages").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.stageId, t.month] }),
    index("analytics_usage_monthly_workspace_idx").on(t.workspaceId, t.month, t.assetId, t.stageId, t.usages),
  ],
);

/** Usages logged per workspace, stage and UTC day, over all assets (for weekly trends). */
export const analyticsStageUsageDaily = pgTable(
  "analytics_stage_usage_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    usages: integer("usages").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.stageId, t.day] })],
);

/*
 * The same usage counts at one stage (for the stage filter): a deal's use of an asset at a stage is one
 * analytics_deal_assets row, counted at its last use; a rep's at the latest over their deals' rows.
 */

/** analytics_deal_assets rows with their deal's owner (to find a rep's latest use at a stage). */
export const analyticsStageUseOwner = pgTable(
  "analytics_stage_use_owner",
  {
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.assetId, t.stageId] }),
    index("analytics_stage_use_owner_rep_idx").on(t.assetId, t.stageId, t.ownerId, t.lastUsedAt),
    index("analytics_stage_use_owner_latest_idx").on(t.assetId, t.stageId, t.lastUsedAt),
  ],
);

/** Per asset, stage and rep: the latest use of the asset at the stage in any of the rep's deals. */
export const analyticsStageRepLatest = pgTable(
  "analytics_stage_rep_latest",
  {
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id").notNull(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.stageId, t.ownerId] })],
);

/** analytics_asset_usage at one stage: usages and deals by the row's last use, reps by their latest. */
export const analyticsAssetStageUsage = pgTable(
  "analytics_asset_stage_usage",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
    span: text("span").notNull(),
    bucket: date("bucket").notNull(),
    usages: integer("usages").notNull(),
    deals: integer("deals").notNull(),
    reps: integer("reps").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.stageId, t.span, t.bucket] }),
    index("analytics_asset_stage_usage_workspace_idx").on(t.workspaceId, t.stageId, t.span, t.bucket),
    spanCheck("analytics_asset_stage_usage_span_check"),
  ],
);

/** Views and downloads per workspace and UTC day, over all assets (for weekly trends). */
export const analyticsWorkspaceViewsDaily = pgTable(
  "analytics_workspace_views_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    views: integer("views").notNull(),
    downloads: integer("downloads").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day] })],
);
