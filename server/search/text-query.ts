import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { assets } from "@/db/schema";

/** Below this many full-text hits, titles and tags similar to the words (typos) are searched as well. */
export const FEW_RESULTS = 3;
/** pg_trgm word similarity a title, tag or type name needs to count as a typo match. */
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

/** The workspace's stemming configuration, evaluated once per statement (an InitPlan). */
const configOf = (workspaceId: string) => sql`(select workspace_search_config(${workspaceId}::uuid))`;

/**
 * The query as a tsquery, evaluated once per statement: the words as typed (websearch syntax), or the
 * earlier words plus the last word as a prefix while it is still being typed. The prefix is matched both
 * stemmed and unstemmed.
 */
export function tsqueryOf(workspaceId: string, q: string): SQL {
  const cfg = configOf(workspaceId);
  const full = sql`websearch_to_tsquery(${cfg}, ${q})`;
  const { head, prefix } = splitPrefix(q);
  if (!prefix) return sql`(select ${full})`;
  const typed = `${prefix}:*`;
  // Stemmed and unstemmed: the title and tags are indexed both ways (see migration 0005).
  const partial = sql`(to_tsquery(${cfg}, ${typed}) || to_tsquery('simple', ${typed}))`;
  return sql`(select ${full} || (websearch_to_tsquery(${cfg}, ${head}) && ${partial}))`;
}

export interface TextMatch {
  mode: TextMode;
  q: string;
  /** Rows the words match; undefined when there are no words. */
  where: SQL | undefined;
  /** Relevance, higher first; a full-text hit always outranks a typo-only match. */
  score: SQL;
}

/**
 * How the words match assets. Full-text: the weighted vector against the tsquery, ranked by ts_rank_cd
 * plus 1 when the title itself matches (so a title hit beats any amount of body text). Fuzzy adds titles,
 * tag names and type names within TYPO_THRESHOLD word similarity, ranked below every full-text hit.
 */
export function textMatch(workspaceId: string, q: string | undefined, mode: TextMode): TextMatch {
  if (!q || mode === "none") return { mode: "none", q: "", where: undefined, score: sql`0::float8` };
  const tsq = tsqueryOf(workspaceId, q);
  const hit = sql`coalesce(${assets.searchVector} @@ ${tsq}, false)`;
  const rank = sql`(ts_rank_cd(${assets.searchVector}, ${tsq}, 32)::float8
    + case when ts_filter(${assets.searchVector}, '{a}') @@ ${tsq} then 1 else 0 end)`;
  if (mode === "fulltext") return { mode, q, where: hit, score: sql`${rank}::float8` };

  const lower = q.toLowerCase();
  const tagSimilarity = sql`(select max(word_similarity(${lower}, lower(t.name)))
    from asset_terms l join taxonomy_terms t on t.id = l.term_id where l.asset_id = ${assets.id})`;
  const typeSimilarity = sql`word_similarity(${lower}, replace(${assets.type}::text, '_', ' '))`;
  const typoScore = sql`greatest(word_similarity(${lower}, lower(${assets.title})), coalesce(${tagSimilarity}, 0), ${typeSimilarity})::float8`;
  return {
    mode,
    q,
    where: sql`(${hit} or ${typoScore} >= ${TYPO_THRESHOLD})`,
    score: sql`(case when ${hit} then 10 + ${rank} else ${typoScore} end)::float8`,
  };
}
