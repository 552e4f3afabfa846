import {
  bigint,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { dealStatuses } from "../../lib/schemas/deals";
import { partnerOrgs } from "./partners";
import { users } from "./users";
import { buyingStages, lossReasons, taxonomyTerms, workspaces } from "./workspaces";

export const dealStatus = pgEnum("deal_status", dealStatuses);

export const deals = pgTable(
  "deals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // CRM identity ('salesforce' + Opportunity id, 'hubspot' + deal id); null for deals made in Baton.
    externalSource: text("external_source"),
    externalId: text("external_id"),
    name: text("name").notNull(),
    accountName: text("account_name").notNull(),
    // Minor units (cents) so sums are exact.
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id),
    status: dealStatus("status").notNull().default("open"),
    closeDate: date("close_date"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    // Set for partner-registered deals: visible to that org and to channel managers.
    partnerOrgId: uuid("partner_org_id").references(() => partnerOrgs.id),
    lossReasonId: uuid("loss_reason_id").references(() => lossReasons.id),
    closeNote: text("close_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deals_external_uq").on(t.workspaceId, t.externalSource, t.externalId),
    index("deals_workspace_status_idx").on(t.workspaceId, t.status),
    index("deals_owner_idx").on(t.ownerId),
    index("deals_stage_idx").on(t.stageId),
  ],
);

/** Industry, competitor and product tags of a deal (same taxonomy as assets). */
export const dealTerms = pgTable(
  "deal_terms",
  {
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    termId: uuid("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.termId] })],
);

/** Every stage move and status change (open -> won/lost, reopen), with who and when. */
export const dealStageHistory = pgTable(
  "deal_stage_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    fromStageId: uuid("from_stage_id").references(() => buyingStages.id),
    toStageId: uuid("to_stage_id")
      .notNull()
      .references(() => buyingStages.id),
    status: dealStatus("status").notNull(),
    changedById: uuid("changed_by_id").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deal_stage_history_deal_idx").on(t.dealId, t.changedAt)],
);
