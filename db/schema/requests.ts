import {
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { requestStatuses, requestUrgencies } from "../../lib/requests";
import { sql } from "drizzle-orm";
import { assets } from "./assets";
import { deals } from "./deals";
import { partnerOrgs } from "./partners";
import { users } from "./users";
import { buyingStages, taxonomyTerms, workspaces } from "./workspaces";

/**
 * Triage states of a field request. "merged" is a duplicate folded into another request (its votes moved
 * there); the allowed moves live in lib/requests.ts.
 */
export const contentRequestStatus = pgEnum("content_request_status", requestStatuses);

export const contentRequestUrgency = pgEnum("content_request_urgency", requestUrgencies);

/** Content the field asked marketing for ("no healthcare case study", "rebuttal to X's new pitch"). */
export const contentRequests = pgTable(
  "content_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    requesterId: uuid("requester_id")
      .notNull()
      .references(() => users.id),
    // The requester's partner org (null for internal requests): partners see only their org's requests.
    partnerOrgId: uuid("partner_org_id").references(() => partnerOrgs.id),
    title: text("title").notNull(),
    details: text("details").notNull().default(""),
    stageId: uuid("stage_id").references(() => buyingStages.id, { onDelete: "set null" }),
    industryId: uuid("industry_id").references(() => taxonomyTerms.id, { onDelete: "set null" }),
    competitorId: uuid("competitor_id").references(() => taxonomyTerms.id, { onDelete: "set null" }),
    dealId: uuid("deal_id").references(() => deals.id, { onDelete: "set null" }),
    urgency: contentRequestUrgency("urgency").notNull().default("normal"),
    // The search that found nothing, when the request was raised from a zero-result search.
    searchQuery: text("search_query"),
    status: contentRequestStatus("status").notNull().default("new"),
    declineReason: text("decline_reason"),
    deliveredAssetId: uuid("delivered_asset_id").references(() => assets.id, { onDelete: "set null" }),
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => contentRequests.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("content_requests_workspace_status_idx").on(t.workspaceId, t.status),
    index("content_requests_requester_idx").on(t.requesterId),
    check(
      "content_requests_decline_reason_ck",
      sql`${t.status} <> 'declined' or coalesce(${t.declineReason}, '') <> ''`,
    ),
  ],
);

/** "Me too": one row per person who wants the content, the requester included. */
export const contentRequestVotes = pgTable(
  "content_request_votes",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => contentRequests.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.userId] }),
    index("content_request_votes_user_idx").on(t.userId),
  ],
);
