import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { changeSettings, withSettings } from "@/db/settings-session";
import { assets } from "@/db/schema";
import { estimatedHits, logEstimates, statisticsVersion, type EstimateLog } from "./hit-estimate";
import { amongIds, hitsMeeting, parseUuidArray, planShape } from "./hit-set";
import type { ChampionList } from "./champion-lists";
import { uuidArray } from "./search-filters";

/** Below this many full-text hits, titles and tags similar to the words (typos) are searched as well. */
export const FEW_RESULTS = 3;
/** pg_trgm word similarity a tag name needs to count as a typo match (titles: findTypoCorrections). */
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
 * The query as a tsquery: the words as typed (websearch syntax), or the earlier words plus the last word as
 * a prefix while it is still being typed. The prefix is matched both stemmed and unstemmed.
 */
export function tsqueryOf(cfg: SQL, q: string): SQL {
  const full = sql`websearch_to_tsquery(${cfg}, ${q})`;
  const { head, prefix } = splitPrefix(q);
  if (!prefix) return full;
  const typed = `${prefix}:*`;
  // Stemmed and unstemmed: the title and tags are indexed both ways (see migration 0005). The stemmed
  // prefix usually covers the unstemmed one ('secur':* matches 'security'), and then only it is kept:
  // OR-ing terms that match the same rows made the planner think the words matched 40% of the library,
  // skip their GIN index and test them row by row (115 ms instead of 14 for "contoso" with two stages).
  const stemmed = sql`to_tsquery(${cfg}, ${typed})`;
  const simple = sql`to_tsquery('simple', ${typed})`;
  // 'secur':* -> 'secur (the lexeme with its opening quote), a prefix of 'security'.
  const stem = sql`rtrim(rtrim(${stemmed}::text, ':*'), '''')`;
  const covered = sql`${stemmed}::text <> '' and starts_with(rtrim(${simple}::text, ':*'), ${stem})`;
  const partial = sql`(case when ${covered} then ${stemmed} else ${stemmed} || ${simple} end)`;
  // A single word being typed: its prefix also matches the whole word.
  if (!head.trim()) return partial;
  return sql`(${full} || (websearch_to_tsquery(${cfg}, ${head}) && ${partial}))`;
}

/**
 * The words as typed, unstemmed, all required (tsquery text): what findExactForms looks up. Only the words the
 * stemming configuration keeps: a stop word ("the") would make the index lookup read most of the library.
 * Operators are dropped ("a or b" and "-a" look up a & b, and a): it only decides a bonus among the hits, and
 * an OR or a NOT in a GIN lookup reads far more than an AND, which starts from its rarest word.
 */
function exactFormsOf(cfg: SQL, q: string): SQL {
  return sql`plainto_tsquery('simple', array_to_string(array(
    select word from regexp_split_to_table(lower(${q}), '[^[:alnum:]]+') word
    where word <> '' and numnode(plainto_tsquery(${cfg}, word)) > 0), ' '))::text`;
}

/** The words of a search with the workspace they search in, its stemming configuration and their tsquery. */
export interface SearchText {
  q: string;
  cfg: string;
  /** tsqueryOf's result as text, computed once per search (inSearchTransaction). */
  tsquery: string;
  /** exactFormsOf's result: the words as typed, unstemmed, as tsquery text ("" when none is left). */
  exactTsquery: string;
  workspaceId: string;
}

/** What inSearchTransaction reads once per search: the stemming configuration and the words' tsquery. */
export interface SearchConfig {
  cfg: string;
  /** null without words */
  tsquery: string | null;
  /** null without words */
  exactTsquery: string | null;
  /** The words' champion list, if a search asked for one. */
  champions: ChampionList | null;
  /** How many of the search's planner estimates were reused or planned (estimatedHits). */
  estimates: EstimateLog;
}

export function searchTextOf(
  workspaceId: string,
  { cfg, tsquery, exactTsquery }: SearchConfig,
  q: string | undefined,
): SearchText | undefined {
  return q && tsquery !== null
    ? { q, cfg, tsquery, exactTsquery: exactTsquery ?? "", workspaceId }
    : undefined;
}

/**
 * The search's tsquery, bound as a constant: the planner can estimate its selectivity and use the GIN
 * indexes, and each statement neither repeats nor re-parses the expression that built it.
 */
export const tsqueryParam = (text: SearchText) => sql`${text.tsquery}::tsquery`;

/**
 * Documents per hit below which the exact forms' GIN lookup is cheaper than testing each hit: the lookup
 * costs about 0.3 us per document holding the words, a test about 15 us per hit (reading its vector).
 */
const INDEX_DOCS_PER_HIT = 40;

/**
 * Whether the words as typed can be in far more documents than the hits: a phrase (the hits hold its words
 * side by side, the lookup only all of them) or an excluded word (the lookup requires it; no hit holds it).
 */
export const exactFormsLoose = (text: SearchText): boolean => /<(?:-|\d+)>|!/.test(text.tsquery);

/** The documents holding every word as typed (its own GIN index); undefined when no such word is left. */
export const exactFormsMatch = (text: SearchText): SQL | undefined =>
  text.exactTsquery === "" ? undefined : sql`${assets.searchExact} @@ ${text.exactTsquery}::tsquery`;

/**
 * Which of `ids` (a search's hits) contain every word as typed, unstemmed. `narrowed`: filters other than
 * visibility cut the hits, or the words are a phrase or exclude one (exactFormsLoose), so the words alone may
 * be in far more documents than the hits.
 *
 * Unnarrowed, the words are in about as many documents as there are hits (at most EXACT_LIMIT), and the
 * GIN index of assets.search_exact finds them cheaply (fenced, so no hit's document is read). Narrowed, a
 * common word ("data" with a stage and an industry) would build its whole bitmap for a few hundred hits:
 * about a second at 100,000 assets. The planner's estimate of the documents holding the words (one EXPLAIN)
 * decides: the index when they are fewer than INDEX_DOCS_PER_HIT per hit, else each hit is tested (at most
 * EXACT_LIMIT of them: ~15 ms at worst).
 */
export async function findExactForms(
  tx: Database,
  text: SearchText,
  ids: readonly string[],
  { narrowed, docsPerHit = INDEX_DOCS_PER_HIT }: { narrowed: boolean; docsPerHit?: number },
): Promise<string[]> {
  const words = exactFormsMatch(text);
  if (ids.length === 0 || !words) return [];
  const eachHit = narrowed && (await estimatedHits(tx, [words])) > docsPerHit * ids.length;
  const { rows } = await tx.execute<{ ids: string | null }>(
    eachHit
      ? sql`select array_agg(${assets.id})::text as ids from ${assets}
          where ${assets.id} = any(${uuidArray(ids)}) and ${words}`
      : sql`select ${hitsMeeting(words, uuidArray(ids))} as ids`,
  );
  return parseUuidArray(rows[0]?.ids ?? null);
}

/** The title's lexemes (weight A of the head) matching `tsq`, through their own index (assets_search_title_idx). */
const titleMatchOf = (tsq: SQL) => sql`ts_filter(${assets.searchHead}, '{a}') @@ ${tsq}`;

/** Titles matching `tsquery` (tsquery text of title_words' words, quoted by quoteLexeme), through the title index. */
export const titleHolding = (tsquery: string) => titleMatchOf(sql`${tsquery}::tsquery`);

/** What a hit adds to its relevance for containing the words as typed: less than any gap between tiers. */
const EXACT_FORM_BONUS = 0.1;

export interface TextMatch {
  mode: TextMode;
  /** Rows the words match; undefined when there are no words. Served by GIN indexes as bitmaps. */
  where: SQL | undefined;
  /** Relevance, higher first; a full-text hit always outranks a typo-only match. */
  score: SQL;
  /**
   * The same rows split into disjoint tiers, best first, each still carrying a bare indexable condition:
   * how a search with more hits than can be ranked exactly orders them (tier, then freshest first).
   */
  tiers: SQL[];
  /**
   * The tier whose hits, when too many to rank, are ranked among the freshest assets first (a window): the
   * titles (full text), or the titles like the words (fuzzy). Its level leaves room for the window above it.
   */
  windowed: number;
  /**
   * Full text, one word: the titles that also hold it in their tags or description. Every other title holding
   * it (once) scores below them, so when the titles are too many to rank these are ranked first.
   */
  richTitles?: SQL;
  /**
   * The words are one word (or, for typos, one misspelt word's corrections), no prefix, no operators: the
   * planner's estimate of its tiers' hits comes from that word's own frequency, good to a small factor. Words
   * it combines are estimated as independent, and words that go together are far more.
   */
  oneWord: boolean;
}

/**
 * How the words match assets. Full-text: the weighted vector (with the file's text) against the tsquery;
 * ranked in tiers: a title hit scores from 2, another head hit (tags, description) from 1, a body-only hit
 * from 0; within a tier by ts_rank_cd over the head (scaled below 1), plus EXACT_FORM_BONUS for a hit that
 * contains the words as typed (`exactForms`, from findExactForms), so "Contoso" ranks above "contosos" all
 * else equal and never across tiers. Equal hits (the same word only in the body) are then sorted freshest
 * first. Ranking reads the small in-row head, never the compressed body. The tiers are title
 * hits, other head hits, body-only hits; the first two are served by GIN indexes of their own.
 *
 * Fuzzy (the words found fewer than FEW_RESULTS assets, `exactIds`): those full-text hits first, then titles
 * holding a correction of every word (`titleWords`), then assets only carrying a similar tag (`similarTags`),
 * each by its similarity to the words.
 */
export function textMatch(
  text: SearchText | undefined,
  mode: TextMode,
  {
    exactIds = [],
    exactForms = [],
    similarTags = [],
    titleWords = null,
  }: {
    exactIds?: readonly string[];
    exactForms?: readonly string[];
    /** Fuzzy: the workspace's tags whose names look like the words (findTypoCorrections). */
    similarTags?: readonly string[];
    /** Fuzzy: the title words that correct every word, as tsquery text (findTypoCorrections); null: none. */
    titleWords?: string | null;
  } = {},
): TextMatch {
  if (!text || mode === "none")
    return { mode: "none", where: undefined, score: sql`0::float8`, tiers: [], windowed: 0, oneWord: false };
  const tsq = tsqueryParam(text);
  // Bare `vector @@ query` so the GIN index serves it (a NULL vector simply does not match).
  const hit = sql`${assets.searchVector} @@ ${tsq}`;
  const headHit = sql`${assets.searchHead} @@ ${tsq}`;
  const titleMatch = titleMatchOf(tsq);
  const titleHit = sql`coalesce(${titleMatch}, false)`;
  // Only heads that match are ranked: a hit in the body alone ranks 0 without computing anything.
  const rank = sql`case when ${headHit} then 1 + 0.8 * ts_rank_cd(${assets.searchHead}, ${tsq}, 32)::float8
    + case when ${titleHit} then 1 else 0 end else 0 end${
      exactForms.length
        ? sql` + case when ${amongIds(exactForms)} then ${sql.raw(String(EXACT_FORM_BONUS))} else 0 end`
        : sql``
    }`;
  if (mode === "fulltext") {
    // Words joined by an operator (and, or, not, a phrase): neither one word nor a rich title's single word.
    const combined = /[&|!<]/.test(text.tsquery);
    return {
      mode,
      where: hit,
      score: sql`${rank}::float8`,
      tiers: [
        titleMatch,
        sql`${headHit} and not ${titleHit}`,
        sql`${hit} and not coalesce(${headHit}, false)`,
      ],
      windowed: 0,
      oneWord: !combined && !text.tsquery.includes(":*"),
      ...(combined
        ? {}
        : { richTitles: sql`${titleMatch} and ts_filter(${assets.searchHead}, '{b,c}') @@ ${tsq}` }),
    };
  }

  const lower = text.q.toLowerCase();
  const exact = amongIds(exactIds);
  // Titles holding a correction of every word, through the title index; without one for each word, none.
  const similarTitle = titleWords === null ? NO_TIER : titleMatchOf(sql`${titleWords}::tsquery`);
  // Bound as a constant, the planner estimates the tags' share from their own statistics; without any, the
  // tier is empty (NO_TIER) and never searched.
  const similarTag = similarTags.length ? sql`${assets.facetKeys} && ${uuidArray(similarTags)}` : NO_TIER;
  const tagSimilarity = sql`(select max(word_similarity(${lower}, lower(t.name)))
    from taxonomy_terms t where t.id = any(${assets.facetKeys}))`;
  // A title like the words ranks above an asset only tagged with a name like them, as the tiers order them.
  const typoScore = sql`(case when coalesce(${similarTitle}, false)
    then 1 + word_similarity(${lower}, lower(${assets.title})) else coalesce(${tagSimilarity}, 0) end)::float8`;
  return {
    mode,
    where: sql`(${exact} or ${similarTitle} or ${similarTag})`,
    score: sql`(case when ${exact} then 10 + ${rank} else ${typoScore} end)::float8`,
    tiers: [
      exact,
      similarTitle === NO_TIER ? NO_TIER : sql`${similarTitle} and not ${exact}`,
      similarTag === NO_TIER
        ? NO_TIER
        : sql`${similarTag} and not coalesce(${similarTitle}, false) and not ${exact}`,
    ],
    windowed: 1,
    oneWord: titleWords !== null && !titleWords.includes(" & "),
  };
}

/** A tier no asset is in (its place is kept, so the levels a cursor carries stay the same). */
export const NO_TIER = sql`false`;

/** Corrections kept per misspelt word (all at its closest distance): enough for any real vocabulary. */
const CORRECTIONS_PER_WORD = 20;

export interface TypoCorrections {
  /** The workspace's tags whose names are within TYPO_THRESHOLD word similarity of the words. */
  similarTags: string[];
  /**
   * Title words correcting each word (of 3 or more letters) as tsquery text, every word required and any of
   * its corrections enough: `'kestrel' & ( 'vault' | 'vaults' )`; null when a word has no correction.
   */
  titleWords: string | null;
}

/** A lexeme quoted for tsquery input. */
export const quoteLexeme = (word: string) => `'${word.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * What a typo-tolerant search looks for besides the exact hits, in one statement: the tags whose names look
 * like the words (a few hundred taxonomy rows at most; bound by id, so the planner knows their share, where a
 * subquery inside each statement made it guess and walk every asset of a million), and for each word of 3 or
 * more letters the closest title words (title_words, migration 0036) with the same first letter, within an
 * edit distance of 1 (up to 4 letters) or 2: "contso" is corrected to "contoso" (1), not also to "costs" (2).
 * Typos rarely hit the first letter, and the range of the vocabulary's key it gives keeps the lookup to a few
 * hundred words however large the library.
 */
export async function findTypoCorrections(tx: Database, text: SearchText): Promise<TypoCorrections> {
  const { rows } = await tx.execute<{ tags: string | null; words: string | null; missing: number }>(
    sql`with corrections as (
        select coalesce((select string_agg(b.word, chr(1) order by b.word) from (
          select c.word from (
            select v.word, d.d, min(d.d) over () as best from title_words v
              cross join lateral (select levenshtein_less_equal(v.word, w.word, k.k) as d) d
            where v.workspace_id = ${text.workspaceId}::uuid
              and v.word >= left(w.word, 1) and v.word < left(w.word, 1) || chr(1114111)
              and abs(length(v.word) - length(w.word)) <= k.k and d.d <= k.k) c
          where c.d = c.best order by c.word limit ${CORRECTIONS_PER_WORD}) b), '') as fixes
        from unnest(tsvector_to_array(to_tsvector('simple', ${text.q}))) w(word)
          cross join lateral (select case when length(w.word) <= 4 then 1 else 2 end as k) k
        where length(w.word) between 3 and 40)
      select (select array_agg(t.id)::text from taxonomy_terms t
          where t.workspace_id = ${text.workspaceId}::uuid
            and word_similarity(${text.q.toLowerCase()}, lower(t.name)) >= ${TYPO_THRESHOLD}) as tags,
        (select string_agg(fixes, chr(2)) from corrections where fixes <> '') as words,
        (select count(*) from corrections where fixes = '')::int as missing`,
  );
  const row = rows[0];
  const words = row?.words
    ? row.words.split("\u0002").map((fixes) => fixes.split("\u0001").map(quoteLexeme))
    : [];
  const titleWords =
    words.length && !row?.missing ? words.map((fixes) => `( ${fixes.join(" | ")} )`).join(" & ") : null;
  return { similarTags: parseUuidArray(row?.tags ?? null), titleWords };
}

/**
 * The planner settings every search statement runs with: no sequential scans of `assets`, no parallel
 * workers, nothing compiled (searches are many and small: disabled scans inflate plan costs past the JIT
 * threshold, which then spent 130 ms compiling), rows found through bitmaps (setPlanShape switches to index
 * walks when a step needs them), and a commit of its only write, the search event, that does not wait for the
 * disk (recordSearch explains why it need not).
 */
export const SEARCH_SETTINGS = {
  enable_seqscan: "off",
  ...planShape("bitmap"),
  max_parallel_workers_per_gather: "0",
  jit: "off",
  synchronous_commit: "off",
};

/**
 * Runs a search's statements with SEARCH_SETTINGS (withSettings: on PostgreSQL a connection opened with
 * them, no transaction; on PGlite a transaction). The first statement reads the workspace's stemming
 * configuration, turns the words `q` into their tsquery, finds the words' champion list and reads the version of
 * the planner's statistics that estimates made in the search are kept under (estimatedHits).
 */
export function inSearchTransaction<T>(
  db: Database,
  workspaceId: string,
  q: string | undefined,
  run: (tx: Database, config: SearchConfig) => Promise<T>,
): Promise<T> {
  return withSettings(db, SEARCH_SETTINGS, async (tx, restore) => {
    const tsquery = q ? sql`(${tsqueryOf(sql`w.cfg`, q)})::text` : sql`null::text`;
    const exactTsquery = q ? exactFormsOf(sql`w.cfg`, q) : sql`null::text`;
    const { rows } = await tx.execute<{
      cfg: string;
      tsquery: string | null;
      exact_tsquery: string | null;
      champion_list: number | null;
      champions_built: boolean | null;
      champions_threshold: number | null;
      champions_stale: boolean | null;
      statistics: string;
    }>(sql`select ${restore} as settings,
      w.cfg::text as cfg, q.tsquery, q.exact_tsquery, l.id::int as champion_list,
      l.built_at is not null as champions_built, l.threshold as champions_threshold,
      l.searched_at < now() - interval '1 day' as champions_stale,
      ${statisticsVersion} as statistics
      from (select workspace_search_config(${workspaceId}::uuid) as cfg offset 0) w
      cross join lateral (select ${tsquery} as tsquery, ${exactTsquery} as exact_tsquery) q
      left join search_champion_lists l on l.workspace_id = ${workspaceId}::uuid
        and l.tsquery = q.tsquery and l.exact_tsquery = q.exact_tsquery`);
    const { cfg, tsquery: words, exact_tsquery, champion_list } = rows[0]!;
    const champions =
      champion_list === null
        ? null
        : {
            id: champion_list,
            built: !!rows[0]!.champions_built,
            threshold: Number(rows[0]!.champions_threshold),
            stale: !!rows[0]!.champions_stale,
          };
    const estimates = logEstimates(tx, rows[0]!.statistics);
    return run(tx, { cfg, tsquery: words, exactTsquery: exact_tsquery, champions, estimates });
  });
}

/** Sets pg_trgm's word-similarity threshold (what `<%` matches) for the rest of the caller's search. */
export async function setTypoThreshold(tx: Database, threshold: number) {
  await changeSettings(tx, { "pg_trgm.word_similarity_threshold": String(threshold) });
}
