import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";

/** Below this many full-text hits, titles and tags similar to the words (typos) are searched as well. */
export const FEW_RESULTS = 3;
/** pg_trgm word similarity a title or tag name needs to count as a typo match. */
export const TYPO_THRESHOLD = 0.45;

export type TextMode = "none" | "fulltext" | "fuzzy";

const PLAIN_WORD = /^[\p{L}\p{N}]{2,60}$/u;

/**
 * Splits off the word still being typed: the last word, when the text does not end in a space, is a plain
 * word (letters and digits only) and is not inside an open "phrase". Only that sanitised word ever reaches
 * to_tsquery; everything else goes to websearch_to_tsquery, which accepts any text.
 */
export function splitPrefix(q: string): { head: string; prefix: string | null } {
  if (/\s$/.test(q) || (q.match(/"/g)?.length ?? 0) % 2 === 1) return { head: q, prefix: null };
  const words = q.trim().split(/\s+/);
  const last = words.at(-1) ?? "";
  if (!PLAIN_WORD.test(last)) return { head: q, prefix: null };
  return { head: words.slice(0, -1).join(" "), prefix: last.toLowerCase() };
}

/**
 * The workspace's text-search configuration (stemming language), read once per search and then bound as a
 * regconfig parameter: the tsquery is then a constant the planner folds, so it can estimate selectivity
 * and use the GIN index (a subquery there hides the query until run time and gets a sequential scan).
 */
export async function searchConfigOf(db: Database, workspaceId: string): Promise<string> {
  const { rows } = await db.execute<{ cfg: string }>(
    sql`select workspace_search_config(${workspaceId}::uuid)::text as cfg`,
  );
  return rows[0]!.cfg;
}

/**
 * The query as a tsquery: the words as typed (websearch syntax), or the earlier words plus the last word as
 * a prefix while it is still being typed. The prefix is matched both stemmed and unstemmed.
 */
export function tsqueryOf(cfgName: string, q: string): SQL {
  const cfg = sql`${cfgName}::regconfig`;
  const full = sql`websearch_to_tsquery(${cfg}, ${q})`;
  const { head, prefix } = splitPrefix(q);
  if (!prefix) return full;
  const typed = `${prefix}:*`;
  // Stemmed and unstemmed: the title and tags are indexed both ways (see migration 0005).
  const partial = sql`(to_tsquery(${cfg}, ${typed}) || to_tsquery('simple', ${typed}))`;
  return sql`(${full} || (websearch_to_tsquery(${cfg}, ${head}) && ${partial}))`;
}

/** The words of a search with the workspace they search in and its stemming configuration. */
export interface SearchText {
  q: string;
  cfg: string;
  workspaceId: string;
}

export async function searchTextOf(
  db: Database,
  workspaceId: string,
  q: string | undefined,
): Promise<SearchText | undefined> {
  return q ? { q, cfg: await searchConfigOf(db, workspaceId), workspaceId } : undefined;
}

export interface TextMatch {
  mode: TextMode;
  /** Rows the words match; undefined when there are no words. */
  where: SQL | undefined;
  /** Relevance, higher first; a full-text hit always outranks a typo-only match. */
  score: SQL;
}

/**
 * How the words match assets. Full-text: the weighted vector (with the file's text) against the tsquery;
 * ranked by ts_rank_cd over the head (title, tags, description) plus 1 when the title itself matches, so a
 * title hit beats any amount of body text and hits only in the body rank equal (the sort then puts the
 * freshest first). Ranking reads the small in-row head, never the compressed body: a common word matching
 * most of a large library is ranked in milliseconds. Fuzzy adds titles and tag names within TYPO_THRESHOLD
 * word similarity, ranked below every full-text hit. Run both inside withTextSearch.
 */
export function textMatch(text: SearchText | undefined, mode: TextMode): TextMatch {
  if (!text || mode === "none") return { mode: "none", where: undefined, score: sql`0::float8` };
  const tsq = tsqueryOf(text.cfg, text.q);
  // Bare `vector @@ query` so the GIN index serves it (a NULL vector simply does not match).
  const hit = sql`${assets.searchVector} @@ ${tsq}`;
  // Only heads that match are ranked: a hit in the body alone ranks 0 without computing anything.
  const rank = sql`case when ${assets.searchHead} @@ ${tsq} then ts_rank_cd(${assets.searchHead}, ${tsq}, 32)::float8
    + case when ts_filter(${assets.searchHead}, '{a}') @@ ${tsq} then 1 else 0 end else 0 end`;
  if (mode === "fulltext") {
    // The hits as a set the GIN index computes. Evaluated row by row instead, as the planner prefers once
    // the words match most rows, `@@` decompresses every row's full vector: seconds at 100,000 assets.
    const hits = sql`${assets.id} in (select h.id from ${assets} h where h.search_vector @@ ${tsq})`;
    return { mode, where: hits, score: sql`${rank}::float8` };
  }

  const lower = text.q.toLowerCase();
  // Assets carrying a similar tag, as an array computed once so the primary key index can serve it.
  const similarTags = sql`${assets.id} = any(array(select l.asset_id from asset_terms l
    join taxonomy_terms t on t.id = l.term_id
    where t.workspace_id = ${text.workspaceId}::uuid and word_similarity(${lower}, lower(t.name)) >= ${TYPO_THRESHOLD}))`;
  const tagSimilarity = sql`(select max(word_similarity(${lower}, lower(t.name)))
    from asset_terms l join taxonomy_terms t on t.id = l.term_id where l.asset_id = ${assets.id})`;
  const typoScore = sql`greatest(word_similarity(${lower}, lower(${assets.title})), coalesce(${tagSimilarity}, 0))::float8`;
  return {
    mode,
    where: sql`(${hit} or ${lower} <% lower(${assets.title}) or ${similarTags})`,
    score: sql`(case when ${hit} then 10 + ${rank} else ${typoScore} end)::float8`,
  };
}

/**
 * Runs the steps that match words in one transaction whose planner may not scan `assets` sequentially, so
 * the hits come from the GIN index (see textMatch), and, for fuzzy matching, with pg_trgm's threshold set.
 */
export function withTextSearch<T>(
  db: Database,
  mode: TextMode,
  run: (tx: Database) => Promise<T>,
): Promise<T> {
  if (mode === "none") return run(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true)`);
    if (mode === "fuzzy") {
      await tx.execute(
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_THRESHOLD)}, true)`,
      );
    }
    return run(tx);
  });
}

/** Runs fuzzy search steps with pg_trgm's word-similarity threshold set for this transaction only. */
export function withTypoThreshold<T>(
  db: Database,
  run: (tx: Database) => Promise<T>,
  threshold = TYPO_THRESHOLD,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
    return run(tx);
  });
}
