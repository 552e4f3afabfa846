import { sql } from "drizzle-orm";
import {
  bigserial,
  bigint,
  doublePrecision,
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
import { workspaces } from "./workspaces";

/**
 * Champion lists: for a search whose words are in more titles than a search ranks exactly (EXACT_LIMIT),
 * the titles that score highest for it, so its first pages come out in exact relevance order without
 * ranking every title. Keyed by what decides the score: the words' tsquery and the words as typed. A search
 * asks for a list (built_at null) the first time it finds its title tier too large; the search sweep builds
 * it; database triggers keep its members current as assets change (migration 0034). Every asset outside a
 * list scores at most `threshold` for its words, so the members above it are the exact top.
 */
export const searchChampionLists = pgTable(
  "search_champion_lists",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /**
     * The words' tsquery as text: compared as text, since tsquery equality ignores prefix marks ('a':* = 'a')
     * and a prefix search and an exact one must not share a list.
     */
    tsquery: text("tsquery").notNull(),
    /** The words as typed, unstemmed, as tsquery text (the exact-form bonus); "" when none is left. */
    exactTsquery: text("exact_tsquery").notNull(),
    /** No asset outside the list scores above this for these words. */
    threshold: doublePrecision("threshold").notNull().default(0),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    builtAt: timestamp("built_at", { withTimezone: true }),
    /** Members when last built: a list that falls to half of them is rebuilt (in place, still served). */
    builtCount: integer("built_count").notNull().default(0),
    /** Set when the list is due a rebuild; cleared by the build. */
    rebuildRequestedAt: timestamp("rebuild_requested_at", { withTimezone: true }),
    /** The last day a search used or asked for the list: lists nobody searches for are dropped. */
    searchedAt: timestamp("searched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("search_champion_lists_key").on(t.workspaceId, t.tsquery, t.exactTsquery),
    index("search_champion_lists_pending_idx")
      .on(t.requestedAt)
      .where(sql`${t.builtAt} is null or ${t.rebuildRequestedAt} is not null`),
  ],
);

export const searchChampions = pgTable(
  "search_champions",
  {
    listId: bigint("list_id", { mode: "number" })
      .notNull()
      .references(() => searchChampionLists.id, { onDelete: "cascade" }),
    assetId: uuid("asset_id")
      .notNull()
      .references(() => assets.id, { onDelete: "cascade" }),
    /** The asset's relevance for the list's words, as an exact search scores it (search_title_score). */
    score: doublePrecision("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.assetId] }),
    // A list's members best first: a search's page reads them in this order.
    index("search_champions_rank_idx").on(t.listId, t.score.desc()),
    index("search_champions_asset_idx").on(t.assetId),
  ],
);

/**
 * Every word that has been in a title of the workspace (as the 'simple' configuration splits and lowercases
 * it): the vocabulary typo-tolerant search corrects misspelt words against (a few thousand rows however large
 * the library) instead of comparing the words with every title. Kept by a trigger on assets (migration
 * 0036); words are never removed when a title changes: a stale word only offers a correction no title has.
 */
export const titleWords = pgTable(
  "title_words",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Collated "C" so a word's first letter is a range of the primary key. */
    word: text("word").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.word] }),
    // "Did you mean": the words that look like a search's words (pg_trgm's <%), whatever the library's size.
    index("title_words_word_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`),
  ],
);
