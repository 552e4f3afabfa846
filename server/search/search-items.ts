import "server-only";
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { analyticsUsageDaily, assets, buyingStages, files, taxonomyTerms, users } from "@/db/schema";
import type { searchItemSchema } from "@/lib/schemas/search";
import { SNIPPET_START, SNIPPET_STOP } from "@/lib/search-snippet";
import type { Actor } from "@/server/authz/actor";
import { withCurrentFile } from "@/server/assets/current-file";
import { statsPeriodStart } from "./asset-stats";
import type { SearchText } from "./text-query";
import { seesInternalDetails } from "@/server/authz/rules";

export type SearchItem = z.input<typeof searchItemSchema>;

/** The columns of a result row that toSearchItems completes (PageRow). */
export const pageColumns = {
  id: assets.id,
  title: assets.title,
  type: assets.type,
  status: assets.status,
  description: assets.description,
  publishedAt: assets.publishedAt,
  updatedAt: assets.updatedAt,
};

export interface PageRow {
  id: string;
  title: string;
  type: SearchItem["type"];
  status: SearchItem["status"];
  description: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

/** Characters of extracted text searched for the first occurrence of a query word. */
const SNIPPET_SOURCE_CHARS = 50_000;
/**
 * ts_headline parses (and stems) every word it is given, and choosing two fragments costs far more than
 * linear in the words: it gets a window of this many characters (with the description). 900 cost about
 * 0.35 ms a hit at 100,000 assets; 400, 0.07 ms, and still holds the first occurrence with its sentence.
 */
const SNIPPET_WINDOW_CHARS = 400;
/** How far before the first occurrence the window starts. */
const SNIPPET_LEAD_CHARS = 120;

/**
 * The first `chars` characters of the file's text, read once. left() counts the characters of the whole
 * text even when it is shorter than `chars` (about 45 us for 10 KB of UTF-8, per hit); a text of at most
 * `chars` bytes is whole and only copied (`|| ''`, so it is decompressed once, not by each function that
 * reads it).
 */
const leadingText = (chars: number) =>
  sql`case when octet_length(${files.extractedText}) <= ${chars} then ${files.extractedText} || ''
    else left(${files.extractedText}, ${chars}) end`;

/**
 * The words of the query as they would start in the text: lower-cased and cut to five characters, so
 * "renewal" also finds "renewed" and "security" "secure" (the stem is usually a prefix of the word).
 */
function literalPrefixes(q: string): string[] {
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => !COMMON_WORDS.has(w));
  return [...new Set(words.map((w) => w.slice(0, 5)))].slice(0, 4);
}
/** Words that occur everywhere, so their first occurrence says nothing about where the match is. */
const COMMON_WORDS = new Set([
  "the",
  "and",
  "for",
  "with",
  "from",
  "our",
  "you",
  "your",
  "are",
  "not",
  "but",
]);

/** Where `p` (lower case) first occurs in `text` as written in lower case, capitalised or upper case (0: nowhere). */
const firstOccurrence = (text: SQL, p: string) =>
  sql`least(${sql.join(
    [...new Set([p, p[0]!.toUpperCase() + p.slice(1), p.toUpperCase()])].map(
      (form) => sql`nullif(strpos(${text}, ${form}), 0)`,
    ),
    sql`, `,
  )})`;

/**
 * The text a snippet is cut from: the description and a window of the file's text that starts a little
 * before the first literal occurrence of a query word (or at the start), instead of the whole text. The text
 * is read once (fenced) and searched as written, in three cases, rather than lower-cased whole per word.
 */
function snippetSource(q: string): SQL {
  const prefixes = literalPrefixes(q);
  const text = sql`x.t`;
  const first = prefixes.length
    ? sql`least(${sql.join(
        prefixes.map((p) => firstOccurrence(text, p)),
        sql`, `,
      )})`
    : sql`null`;
  const window = sql`substr(${text}, greatest(1, coalesce(${first}, 1) - ${SNIPPET_LEAD_CHARS}), ${SNIPPET_WINDOW_CHARS})`;
  return sql`(select translate(${assets.description} || ' ' || ${window}, ${SNIPPET_START + SNIPPET_STOP}, '""')
    from (select coalesce(${leadingText(SNIPPET_SOURCE_CHARS)}, '') as t offset 0) x)`;
}

/** Characters of extracted text the fallback looks through: what the search vector indexes (migration 0005). */
const INDEXED_TEXT_CHARS = 200_000;

/** The query's lexemes (the tsquery's quoted terms) and its words as typed, lower-cased, at most 12. */
function needlesOf(text: SearchText): { lexemes: { term: string; prefix: boolean }[]; needles: string[] } {
  const typed = text.q.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  const lexemes = [...text.tsquery.matchAll(/'((?:[^']|'')+)'(:\*)?/g)].map((m) => ({
    term: m[1]!.replaceAll("''", "'"),
    prefix: m[2] !== undefined,
  }));
  const needles = [...new Set([...typed, ...lexemes.map((l) => l.term)])].filter((n) => n.length >= 2);
  return { lexemes, needles: needles.slice(0, 12) };
}

/**
 * A regular expression (PostgreSQL ARE, matched case-insensitively) for a word of the text that starts with
 * a query word as typed or with one of the tsquery's lexemes (stems are usually prefixes of the forms they
 * match, and a prefix lexeme is what matches "contoso.com" while "contoso" is typed).
 */
function matchPattern(needles: string[]): string | null {
  if (needles.length === 0) return null;
  // In an ARE a backslash before a non-alphanumeric character makes it literal.
  const escaped = needles.map((n) => n.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`));
  return `\\m(${escaped.join("|")})`;
}

/**
 * What ts_headline marks: any of the query's terms (OR). With the query itself, a search for several words
 * gets a fragment only where all of them meet (its covers), so a window holding one of them came back
 * unmarked and every such hit paid for the fallback below.
 */
function headlineQuery(text: SearchText, lexemes: { term: string; prefix: boolean }[]): string {
  if (lexemes.length === 0) return text.tsquery;
  const terms = [...new Map(lexemes.map((l) => [`${l.term}${l.prefix ? ":*" : ""}`, l])).values()];
  return terms.map((l) => `'${l.term.replaceAll("'", "''")}'${l.prefix ? ":*" : ""}`).join(" | ");
}

/**
 * The snippet of a hit: ts_headline's, unless it marked nothing (the only occurrence lies outside the
 * window it was given, or inside a token it does not split, such as a URL), in which case a window around
 * the first word of the text starting like a query word, with that word marked. The markers are stripped
 * from the source first, so only these markers reach the UI. Each step is fenced (`offset 0`) so it is
 * computed once per hit: inlined, every reference to the source text or the match position re-read and
 * re-scanned the whole text (about 25 ms a hit for a multi-word search).
 */
function snippetOf(text: SearchText): SQL {
  const { lexemes, needles } = needlesOf(text);
  const headline = sql`ts_headline(${text.cfg}::regconfig, ${snippetSource(text.q)}, ${headlineQuery(text, lexemes)}::tsquery, ${HEADLINE_OPTIONS})`;
  const pattern = matchPattern(needles);
  if (!pattern) return headline;
  const source = sql`translate(${assets.description} || ' ' || coalesce(${leadingText(INDEXED_TEXT_CHARS)}, ''), ${SNIPPET_START + SNIPPET_STOP}, '""')`;
  const start = sql`regexp_instr(x.src, ${pattern}, 1, 1, 0, 'i')`;
  const word = sql`coalesce(substring(substr(s.src, s.at, 100) from '^[[:alnum:]_]+'), substr(s.src, s.at, 1))`;
  // About 100 characters before the word and 160 after, cut at whitespace so no word is shown in part.
  const before = sql`substr(f.src, greatest(1, f.at - 100), least(f.at - 1, 100))`;
  const lead = sql`case when f.at > 101 then regexp_replace(${before}, '^\\S*\\s+', '') else ${before} end`;
  const after = sql`substr(f.src, f.at + length(f.word), 160)`;
  const tail = sql`case when length(${after}) = 160 then regexp_replace(${after}, '\\s+\\S*$', '') else ${after} end`;
  const around = sql`regexp_replace(ltrim(${lead}) || ${SNIPPET_START} || f.word || ${SNIPPET_STOP} || rtrim(${tail}),
      '\\s+', ' ', 'g')`;
  return sql`(select case when strpos(h.v, ${SNIPPET_START}) > 0 then h.v
      else coalesce((select case when f.at > 101 then '… ' else '' end || ${around} || ' …'
        from (select s.src, s.at, ${word} as word from (select x.src, ${start} as at
          from (select ${source} as src offset 0) x offset 0) s where s.at > 0 offset 0) f), h.v) end
    from (select ${headline} as v offset 0) h)`;
}

const HEADLINE_OPTIONS = `StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The workspace's stages and tags in display order (stages by position; tags by kind, position, name), as one
 * json value, on one row of a statement only: the labels of every row's facet_keys. Resolving each row's
 * keys against it in the app replaces two correlated subqueries per row (each an index lookup, a join and a
 * sort: about 0.4 ms a row at 100,000 assets), and the list is sent once, not once per row.
 */
function labelsOnce(workspaceId: string): SQL {
  return sql`case when row_number() over () = 1 then json_build_array(
    (select coalesce(json_agg(b.id order by b.position), '[]'::json) from ${buyingStages} b
      where b.workspace_id = ${workspaceId}::uuid),
    (select coalesce(json_agg(json_build_array(t.id, t.kind, t.name) order by t.kind, t.position, t.name), '[]'::json)
      from ${taxonomyTerms} t where t.workspace_id = ${workspaceId}::uuid)) end`;
}

/**
 * The columns that complete a result row, over `assets` (the table, or a page of it aliased "assets" that
 * keeps itemSourceColumns), joined by withItemJoins: the stage and tag keys (with the workspace's labels on
 * one row, labelsOnce), usage, owner, thumbnail and, when there are words, a highlighted snippet of the
 * description and the file text around the first match. The markers are stripped from the source first, so
 * only ts_headline's markers reach the UI.
 */
export function itemColumns(workspaceId: string, text: SearchText | undefined) {
  return {
    ownerName: users.name,
    thumbnailKey: files.thumbnailKey,
    snippet: text ? sql<string>`${snippetOf(text)}` : sql<null>`null`,
    facetKeys: sql<string[]>`${assets.facetKeys}`,
    labels: sql<ItemLabels | null>`${labelsOnce(workspaceId)}`,
    // The same count the "most used" sort ranks by: usages in the stats' period, from the rollup.
    usageCount: sql<number>`(select coalesce(sum(u.usages), 0) from ${analyticsUsageDaily} u
      where u.asset_id = ${assets.id} and u.day >= ${statsPeriodStart()}::date)::int`,
  };
}

/** labelsOnce's value: stage ids in order, and tags [id, kind, name] in order. */
type ItemLabels = [string[], [string, SearchItem["tags"][number]["kind"], string][]];

/** The owner, current version and file itemColumns read. */
export function withItemJoins<Q extends PgSelect>(query: Q) {
  return withCurrentFile(query).innerJoin(users, eq(users.id, assets.ownerId));
}

/** Columns a page subquery keeps for itemColumns besides pageColumns. */
export const itemSourceColumns = {
  ownerId: assets.ownerId,
  currentVersionId: assets.currentVersionId,
  facetKeys: assets.facetKeys,
};

export interface ItemDetail {
  ownerName: string;
  thumbnailKey: string | null;
  snippet: string | null;
  stageIds: string[];
  tags: SearchItem["tags"];
  usageCount: number;
}

/** The row of itemColumns as selected. */
export interface ItemRow {
  ownerName: string;
  thumbnailKey: string | null;
  snippet: string | null;
  facetKeys: string[];
  labels: ItemLabels | null;
  usageCount: number;
}

/**
 * Each row's details, its facet keys resolved against the labels one of the rows carries: stages in stage
 * order, tags by kind, position and name, as the workspace lists them; a key without a label is left out.
 */
export function itemDetails<R extends ItemRow>(rows: R[]): (R & ItemDetail)[] {
  const [stages, terms] = rows.find((r) => r.labels)?.labels ?? [[], []];
  const stageAt = new Map(stages.map((id, i) => [id, i]));
  const termAt = new Map(terms.map((t, i) => [t[0], i]));
  return rows.map((r) => {
    const keys = r.facetKeys ?? [];
    const stageIds = keys.filter((k) => stageAt.has(k)).sort((a, b) => stageAt.get(a)! - stageAt.get(b)!);
    const tags = keys
      .flatMap((k) => (termAt.has(k) ? [termAt.get(k)!] : []))
      .sort((a, b) => a - b)
      .map((i) => ({ id: terms[i]![0], kind: terms[i]![1], name: terms[i]![2] }));
    return { ...r, stageIds, tags };
  });
}

/** A result row as the API shows it; owners are not shown to partners. */
export function toSearchItem(actor: Actor, r: PageRow, d: ItemDetail | undefined): SearchItem {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    status: r.status,
    description: r.description,
    snippet: d?.snippet?.trim() ? d.snippet : null,
    stageIds: d?.stageIds ?? [],
    tags: d?.tags ?? [],
    ...(seesInternalDetails(actor) ? { ownerName: d?.ownerName ?? "" } : {}),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    usageCount: Number(d?.usageCount ?? 0),
    thumbnailUrl: d?.thumbnailKey ? `/api/v1/assets/${r.id}/thumbnail` : null,
  };
}

/** A result row, with its details when the statement that found it selected them too. */
export type DetailedRow = PageRow & { detail?: ItemDetail };

/**
 * Completes the rows that came without their details (found elsewhere, already filtered by visibility) in one
 * statement, none when every row has them.
 */
export async function toSearchItems(
  db: Database,
  actor: Actor,
  rows: DetailedRow[],
  text: SearchText | undefined,
): Promise<SearchItem[]> {
  const missing = rows.filter((r) => !r.detail).map((r) => r.id);
  const details = missing.length
    ? await withItemJoins(
        db
          .select({ id: assets.id, ...itemColumns(actor.workspaceId, text) })
          .from(assets)
          .$dynamic(),
      ).where(inArray(assets.id, missing))
    : [];
  const detailOf = new Map(itemDetails(details).map((d) => [d.id, d]));
  return rows.map((r) => toSearchItem(actor, r, r.detail ?? detailOf.get(r.id)));
}
