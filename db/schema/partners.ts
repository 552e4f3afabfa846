import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Ordered partner tiers: a higher rank sees everything a lower rank sees. */
export const partnerTiers = pgTable(
  "partner_tiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    rank: integer("rank").notNull(),
  },
  (t) => [
    uniqueIndex("partner_tiers_workspace_name_uq").on(t.workspaceId, t.name),
    uniqueIndex("partner_tiers_workspace_rank_uq").on(t.workspaceId, t.rank),
  ],
);

export const partnerOrgs = pgTable(
  "partner_orgs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tierId: uuid("tier_id")
      .notNull()
      .references(() => partnerTiers.id),
    region: text("region"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("partner_orgs_workspace_name_uq").on(t.workspaceId, t.name)],
);

/**
 * An email invitation to join a partner org. Only the SHA-256 of the link's token is stored; the link
 * works once (acceptedAt), until it expires, and not after it is revoked.
 */
export const partnerInvitations = pgTable(
  "partner_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    partnerOrgId: uuid("partner_org_id")
      .notNull()
      .references(() => partnerOrgs.id, { onDelete: "cascade" }),
    // Stored lower-cased, like users.email.
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedById: uuid("invited_by_id")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_invitations_token_uq").on(t.tokenHash),
    index("partner_invitations_org_idx").on(t.partnerOrgId, t.createdAt),
  ],
);
