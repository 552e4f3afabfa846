import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { assetStatuses, assetTypes, processingStates } from "../../lib/assets";
import { partnerAccessLevels } from "../../lib/partner-access";
import { partnerOrgs } from "./partners";
import { users } from "./users";
import { partnerTiers } from "./partners";
import { buyingStages, taxonomyTerms, workspaces } from "./workspaces";

export const assetType = pgEnum("asset_type", assetTypes);

export const assetStatus = pgEnum("asset_status", assetStatuses);

/**
 * Who outside the company may see an asset: none (internal only, the default), all partners, partners at
 * a minimum tier and above (plus any orgs granted by name), or only the orgs granted by name.
 */
export const partnerAccess = pgEnum("partner_access", partnerAccessLevels);

/** PostgreSQL's text-search document type; drizzle has no built-in column for it. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const processingState = pgEnum("processing_state", processingStates);

export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // Server-generated object key; never derived from the uploaded filename.
    storageKey: text("storage_key").notNull(),
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    processingState: processingState("processing_state").notNull().default("pending"),
    processingError: text("processing_error"),
    extractedText: text("extracted_text"),
    thumbnailKey: text("thumbnail_key"),
    // Rendered page images for the in-browser viewer (PDF pages; 1 for images), keyed previews/<file>/<n>.
    pageCount: integer("page_count"),
    previewPageCount: integer("preview_page_count").notNull().default(0),
    processingAttempts: integer("processing_attempts").notNull().default(0),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    uploadedById: uuid("uploaded_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("files_storage_key_uq").on(t.storageKey),
    index("files_workspace_sha_idx").on(t.workspaceId, t.sha256),
  ],
);

export const assets = pgTable(
  "assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: assetType("type").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    internalNotes: text("internal_notes").notNull().default(""),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    status: assetStatus("status").notNull().default("draft"),
    partnerAccess: partnerAccess("partner_access").notNull().default("none"),
    // With partner access 'tier': the lowest tier that may see it.
    minPartnerTierId: uuid("min_partner_tier_id").references(() => partnerTiers.id),
    // Partner access is limited to orgs in this region (null = every region).
    partnerRegion: text("partner_region"),
    allowDownload: boolean("allow_download").notNull().default(true),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    reviewBy: timestamp("review_by", { withTimezone: true }),
    currentVersionId: uuid("current_version_id"),
    // Who sent it for review: with second-person approval, someone else must publish it.
    submittedForReviewById: uuid("submitted_for_review_by_id").references(() => users.id),
    approvedById: uuid("approved_by_id").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Weighted search document: title (A), tag names (B), description (C), the current file's extracted
     * text (D), stemmed with the workspace's search language. Maintained only by database triggers
     * (migration 0005); never written by the application.
     */
    searchVector: tsvector("search_vector"),
    /**
     * The same document without the extracted text (title, tags, description): small enough to stay in
     * the row, so ranking thousands of hits does not decompress every body. Trigger-maintained alongside
     * search_vector (migration 0007).
     */
    searchHead: tsvector("search_head"),
    /**
     * Every word of the document as written (title, tags, description, extracted text), unstemmed and
     * without positions: which hits contain the words as typed, so exact forms rank above stem-only
     * matches. Read only through its GIN index, never row by row. Trigger-maintained (migration
     * search_exact_forms).
     */
    searchExact: tsvector("search_exact"),
    /**
     * The asset's buying stages and taxonomy terms as one array (stage and term ids are distinct UUIDs), so
     * facet filters are GIN lookups combined as bitmaps and facet counts read the row instead of joining
     * asset_stages and asset_terms. Maintained only by triggers on those tables (migration 0015).
     */
    facetKeys: uuid("facet_keys")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
  },
  (t) => [
    index("assets_workspace_status_idx").on(t.workspaceId, t.status),
    index("assets_owner_idx").on(t.ownerId),
    index("assets_search_vector_idx").using("gin", t.searchVector),
    // Which titles, tags and descriptions match: the tiers a broad search is ordered by.
    index("assets_search_head_idx").using("gin", t.searchHead),
    // Which titles match (the head's weight-A lexemes): the first tier, without testing every head hit's row.
    index("assets_search_title_idx").using("gin", sql`ts_filter(${t.searchHead}, '{a}')`),
    // Which tags and descriptions match (weights B and C): with the title index, the titles that rank first.
    index("assets_search_rest_idx").using("gin", sql`ts_filter(${t.searchHead}, '{b,c}')`),
    index("assets_facet_keys_idx").using("gin", t.facetKeys),
    index("assets_search_exact_idx").using("gin", t.searchExact),
    // Freshest first (search's tie-break and "newest"), walked in order when a search matches too much to sort.
    index("assets_fresh_idx").on(
      t.workspaceId,
      sql`(coalesce(${t.publishedAt}, ${t.createdAt})) desc`,
      sql`${t.id} desc`,
    ),
  ],
);

export const assetVersions = pgTable(
  "asset_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    note: text("note").notNull().default(""),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("asset_versions_asset_version_uq").on(t.assetId, t.version),
    // Finds the assets whose current file just got its extracted text (search-vector trigger).
    index("asset_versions_file_idx").on(t.fileId),
  ],
);

export const assetStages = pgTable(
  "asset_stages",
  {
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => buyingStages.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.stageId] }), index("asset_stages_stage_idx").on(t.stageId)],
);

export const assetTerms = pgTable(
  "asset_terms",
  {
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    termId: uuid("term_id")
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.termId] }), index("asset_terms_term_idx").on(t.termId)],
);

/** Specific partner orgs granted an asset regardless of tier. */
export const assetPartnerOrgs = pgTable(
  "asset_partner_orgs",
  {
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    partnerOrgId: uuid("partner_org_id")
      .notNull()
      .references(() => partnerOrgs.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.partnerOrgId] }),
    index("asset_partner_orgs_org_idx").on(t.partnerOrgId),
  ],
);
