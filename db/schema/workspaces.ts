import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { taxonomyKinds } from "../../lib/taxonomy";

export const taxonomyKind = pgEnum("taxonomy_kind", taxonomyKinds);

export const workspaces = pgTable("workspaces", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  logoUrl: text("logo_url"),
  // Text-search configuration used for stemming (a PostgreSQL regconfig name such as 'english').
  searchLanguage: text("search_language").notNull().default("english"),
  requireSecondApproval: boolean("require_second_approval").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Buying stages are workspace data so a customer can rename and reorder them. */
export const buyingStages = pgTable(
  "buying_stages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("buying_stages_workspace_name_uq").on(t.workspaceId, t.name),
    index("buying_stages_workspace_position_idx").on(t.workspaceId, t.position),
  ],
);

/** Product, industry, persona, region and competitor tags. */
export const taxonomyTerms = pgTable(
  "taxonomy_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: taxonomyKind("kind").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("taxonomy_terms_workspace_kind_name_uq").on(t.workspaceId, t.kind, t.name)],
);

export const lossReasons = pgTable(
  "loss_reasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("loss_reasons_workspace_name_uq").on(t.workspaceId, t.name)],
);
