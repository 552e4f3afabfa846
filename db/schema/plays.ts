import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { assets } from "./assets";
import { deals } from "./deals";
import { users } from "./users";
import { buyingStages, workspaces } from "./workspaces";

/** A marketer's named sequence of steps across buying stages for one scenario. */
export const plays = pgTable(
  "plays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scenario: text("scenario").notNull().default(""),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plays_workspace_name_uq").on(t.workspaceId, t.name)],
);

export const playSteps = pgTable(
  "play_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    playId: uuid("play_id")
      .notNull()
      .references(() => plays.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id),
    title: text("title").notNull(),
    // Talk-track notes: when to send, what to say.
    guidance: text("guidance").notNull().default(""),
  },
  (t) => [index("play_steps_play_idx").on(t.playId, t.position)],
);

export const playStepAssets = pgTable(
  "play_step_assets",
  {
    stepId: uuid("step_id")
      .notNull()
      .references(() => playSteps.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stepId, t.assetId] }), index("play_step_assets_asset_idx").on(t.assetId)],
);

/** A play a rep runs on a deal. */
export const dealPlays = pgTable(
  "deal_plays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    playId: uuid("play_id")
      .notNull()
      .references(() => plays.id, { onDelete: "cascade" }),
    attachedById: uuid("attached_by_id").references(() => users.id),
    attachedAt: timestamp("attached_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deal_plays_deal_play_uq").on(t.dealId, t.playId),
    index("deal_plays_play_idx").on(t.playId),
  ],
);

/** A step done on a deal: once per step (its assets' usages are recorded with it). */
export const dealPlaySteps = pgTable(
  "deal_play_steps",
  {
    dealPlayId: uuid("deal_play_id")
      .notNull()
      .references(() => dealPlays.id, { onDelete: "cascade" }),
    stepId: uuid("step_id")
      .notNull()
      .references(() => playSteps.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id),
    completedById: uuid("completed_by_id").references(() => users.id),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dealPlayId, t.stepId] })],
);
