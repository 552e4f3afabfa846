import "server-only";
import type { SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  searchParamsSchema,
  type SearchInput,
  type SearchParams,
  type SearchSort,
} from "@/lib/schemas/search";
import { parseOrThrow } from "@/lib/zod-errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import type { ChampionList } from "./champion-lists";
import { EXACT_LIMIT, findHits, type HitSet } from "./hit-set";
import { facetConditions, otherFacets } from "./search-filters";
import {
  FEW_RESULTS,
  exactFormsLoose,
  exactFormsMatch,
  findExactForms,
  findTypoCorrections,
  searchTextOf,
  textMatch,
  type SearchConfig,
  type SearchText,
  type TextMatch,
  type TextMode,
} from "./text-query";

/** A search's parsed input, how its words match, and its hits. */
export interface PreparedSearch {
  /** The actor's workspace. */
  workspaceId: string;
  params: SearchParams;
  sort: SearchSort;
  text: SearchText | undefined;
  match: TextMatch;
  /** What the actor may see. */
  visibility: SQL;
  /** Every selected facet's condition. */
  facets: SQL[];
  hits: HitSet;
  /** EXACT_LIMIT, or a smaller bound a test sets to exercise broad searches on a small library. */
  exactLimit: number;
  /** WALK_WINDOW, or a smaller one a test sets. */
  walkWindow: number;
  /** WALK_ROW_COST, or another a test sets. */
  walkRowCost: number;
  /** The words' champion list, if a search asked for one (built or not yet). */
  champions: ChampionList | null;
}

/** Assets a broad search's freshness walk reads before a tier falls back to finding its hits. */
export const WALK_WINDOW = 300;

/**
 * What testing a row in a walk of the freshness index costs, in rows a bitmap of a tier's hits reads and
 * sorts: a walk tests each row against the tier's condition (the title's lexemes, the facets), a bitmap reads
 * only the hits.
 */
export const WALK_ROW_COST = 2;

/**
 * Whether finding a broad tier's `hits` and sorting them by freshness costs less than walking the freshness
 * index over `visible` assets until `need` of them turn up (about need x visible / hits rows tested).
 */
export const bitmapCheaper = (hits: number, visible: number, need: number, walkRowCost = WALK_ROW_COST) =>
  hits * hits < walkRowCost * need * visible;

export interface SearchOptions {
  exactLimit?: number;
  walkWindow?: number;
  /** WALK_ROW_COST, or another a test sets (0: always walk; Infinity: always bitmaps). */
  walkRowCost?: number;
}

/** Parses and normalises search input; without words, "relevance" sorts like "newest". */
export function normaliseSearch(input: SearchInput): { params: SearchParams; sort: SearchSort } {
  const params = parseOrThrow(searchParamsSchema, input, "Search");
  const q = params.q ? params.q : undefined;
  const sort = params.sort === "relevance" && !q ? "newest" : params.sort;
  return { params: { ...params, q }, sort };
}

/**
 * Finds the hits of a search (as normaliseSearch gives it), inside inSearchTransaction (which gives `cfg`, for
 * the same words).
 * The words match as full
 * text; when that finds fewer than FEW_RESULTS assets (under the actor's visibility and every filter),
 * typo-tolerant title and tag matches are added. `mode` repeats the first page's choice for later pages.
 */
export async function prepareSearch(
  tx: Database,
  actor: Actor,
  cfg: SearchConfig,
  { params, sort }: { params: SearchParams; sort: SearchSort },
  mode?: TextMode,
  { exactLimit = EXACT_LIMIT, walkWindow = WALK_WINDOW, walkRowCost = WALK_ROW_COST }: SearchOptions = {},
): Promise<PreparedSearch> {
  const text = searchTextOf(actor.workspaceId, cfg, params.q);
  const visibility = assetVisibility(actor);
  const facets = otherFacets(facetConditions(actor, params));
  const base = {
    workspaceId: actor.workspaceId,
    params,
    sort,
    text,
    visibility,
    facets,
    exactLimit,
    walkWindow,
    walkRowCost,
    champions: cfg.champions,
  };
  const find = (words: SQL[]) =>
    findHits(tx, { indexed: [...facets, ...words], rest: [visibility] }, exactLimit);
  if (!text) return { ...base, match: textMatch(undefined, "none"), hits: await find([]) };

  // Only an exact search by relevance sorts by score, raising the hits with the words as typed; a broad one
  // is ordered by tier. Without filters the hits are about as many as the documents holding the words as
  // typed, and the statement that finds the hits finds which of them those are (findExactForms explains);
  // with filters, a phrase or an excluded word, those documents may be far more, and findExactForms decides.
  const byScore = sort === "relevance";
  const narrowed = facets.length > 0 || exactFormsLoose(text);
  const fullHits = await findHits(
    tx,
    {
      indexed: [...facets, textMatch(text, "fulltext").where!],
      rest: [visibility],
      among: byScore && !narrowed ? exactFormsMatch(text) : undefined,
    },
    exactLimit,
  );
  const exactForms =
    byScore && fullHits.exact
      ? (fullHits.among ?? (await findExactForms(tx, text, fullHits.ids, { narrowed })))
      : [];
  const full = textMatch(text, "fulltext", { exactForms });
  const few = fullHits.exact && fullHits.ids.length < FEW_RESULTS;
  if (mode === "fulltext" || (mode === undefined && !few)) return { ...base, match: full, hits: fullHits };
  const fuzzy = textMatch(text, "fuzzy", {
    exactIds: fullHits.exact ? fullHits.ids : [],
    exactForms,
    ...(await findTypoCorrections(tx, text)),
  });
  return { ...base, match: fuzzy, hits: await find([fuzzy.where!]) };
}
