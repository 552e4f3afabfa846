import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets, searchChampions } from "@/db/schema";
import type { SearchInput, SearchSort } from "@/lib/schemas/search";
import type { Actor } from "@/server/authz/actor";
import { facetGroups, facetQueries, facetsFrom, selectTogether, type Facets } from "./asset-facets";
import { assetStatsSubquery, effectivenessOf, usageOf, type AssetStats } from "./asset-stats";
import { noteChampionSearch } from "./champion-lists";
import { estimatedHits } from "./hit-estimate";
import { amongIds, findHits, setPlanShape, type HitSet } from "./hit-set";
import { suggestTitles } from "./nearest-titles";
import {
  bitmapCheaper,
  normaliseSearch,
  prepareSearch,
  type PreparedSearch,
  type SearchOptions,
} from "./prepare-search";
import { decodeCursor, encodeCursor, searchDigest, type KeyKind } from "./search-cursor";
import { freshAt } from "./search-filters";
import { searchEventSql, type SearchEvent } from "./search-analytics";
import {
  itemColumns,
  itemDetails,
  itemSourceColumns,
  pageColumns,
  type ItemDetail,
  toSearchItem,
  toSearchItems,
  withItemJoins,
  type SearchItem,
} from "./search-items";
import {
  inSearchTransaction,
  NO_TIER,
  textMatch,
  type SearchText,
  type TextMatch,
  type TextMode,
} from "./text-query";

export { normaliseSearch };

export interface SearchResult {
  items: SearchItem[];
  nextCursor: string | null;
  /** Every hit when totalExact; otherwise EXACT_LIMIT, meaning "more than that". */
  total: number;
  totalExact: boolean;
  /** How the words matched: "fuzzy" means typo-tolerant title/tag matches were added to few exact hits. */
  textMode: TextMode;
  /** Counted among the search's statements when asked for (opts.facets). */
  facets: Facets | null;
  /** The recorded search event (opts.record), for clicks to refer to. */
  searchId: number | null;
  /** "Did you mean" titles when words found nothing and opts.suggest asked for them. */
  suggestions: { id: string; title: string }[];
  /** How many of the planner's hit estimates the search reused from earlier searches, and how many it made. */
  estimates: { cached: number; planned: number };
}

type SortKey = { expr: SQL; kind: KeyKind };

/** A broad search's keys: the tier, the score within it (0 when the tier is ordered freshest first), freshness. */
const TIER_KEYS: KeyKind[] = ["int4", "float8", "timestamptz"];

/** `stats` is only called for the sorts that rank by usage or effectiveness. */
function sortKeys(sort: SearchSort, match: TextMatch, stats: () => AssetStats): SortKey[] {
  switch (sort) {
    case "relevance":
      // Equally relevant hits (e.g. the word only in the body), freshest first.
      return [
        { expr: match.score, kind: "float8" },
        { expr: freshAt, kind: "timestamptz" },
      ];
    case "newest":
      return [{ expr: freshAt, kind: "timestamptz" }];
    case "most_used":
      return [{ expr: usageOf(stats()), kind: "int4" }];
    case "most_effective":
      return [
        { expr: effectivenessOf(stats()), kind: "float8" },
        { expr: usageOf(stats()), kind: "int4" },
      ];
  }
}

type KeyedRow = Awaited<ReturnType<typeof pageRows>>[number];
/** A broad page's row: with its details when its tier's statement selected them (detailedRows). */
type TierRow = KeyedRow & { detail?: ItemDetail };
type After = { k: (number | string)[]; id: string; c?: number; w?: Window; s?: 1 };
/** A ranked window's boundary: the freshness key (as text) and id of its last, oldest asset. */
type Window = [string, string];

function keysetAfter(keys: SortKey[], after: After): SQL {
  const values = after.k.map((v, i) => sql`${v}::${sql.raw(keys[i]!.kind)}`);
  return sql`(${sql.join(
    keys.map((k) => k.expr),
    sql`, `,
  )}, ${assets.id}) < (${sql.join(values, sql`, `)}, ${after.id}::uuid)`;
}

/** What a page subquery selects: the row, what itemColumns reads, and its sort keys as o0, o1 and o2. */
const pageSource = (keys: SortKey[]) => ({
  ...pageColumns,
  ...itemSourceColumns,
  o0: sql`${keys[0]!.expr}`.as("o0"),
  o1: (keys[1] ? sql`${keys[1].expr}` : sql`null`).as("o1"),
  o2: (keys[2] ? sql`${keys[2].expr}` : sql`null`).as("o2"),
});

/** A cursor key: timestamps as text (microseconds survive), numbers as numbers. */
const keyColumn = (value: SQL.Aliased, kind: KeyKind | undefined) =>
  kind === undefined
    ? sql<null>`null`
    : kind === "timestamptz"
      ? sql<string>`(${value})::text`
      : sql<number>`(${value})`.mapWith(Number);

type PageSubquery = ReturnType<typeof pageSubquery>;

/** A page's row columns and cursor keys, and its order: pageRows and pageItems read the same. */
const keyedColumns = (page: PageSubquery, keys: SortKey[]) => ({
  ...pageColumns,
  k0: keyColumn(page.o0, keys[0]!.kind),
  k1: keyColumn(page.o1, keys[1]?.kind),
  k2: keyColumn(page.o2, keys[2]?.kind),
});
const pageOrder = (page: PageSubquery) => [desc(page.o0), desc(page.o1), desc(page.o2), desc(assets.id)];

/** The rows of `page` (a subquery named "assets" of pageSource, already sorted and limited), in its order. */
function pageRows(tx: Database, page: PageSubquery, keys: SortKey[]) {
  return tx
    .select(keyedColumns(page, keys))
    .from(page)
    .orderBy(...pageOrder(page));
}

/** The same rows completed with itemColumns, in one statement. */
function pageItems(
  tx: Database,
  workspaceId: string,
  page: PageSubquery,
  keys: SortKey[],
  text: SearchText | undefined,
) {
  return withItemJoins(
    tx
      .select({ ...keyedColumns(page, keys), ...itemColumns(workspaceId, text) })
      .from(page)
      .$dynamic(),
  ).orderBy(...pageOrder(page));
}

/** pageItems' rows, each with its details, as a tier's rows. */
async function detailedRows(
  tx: Database,
  workspaceId: string,
  page: PageSubquery,
  keys: SortKey[],
  text: SearchText | undefined,
): Promise<TierRow[]> {
  return itemDetails(await pageItems(tx, workspaceId, page, keys, text)).map((row) => ({
    ...row,
    detail: row,
  }));
}

/** One page of the hits in sort-key order: `where` is already narrowed to the hits. */
function pageSubquery(tx: Database, keys: SortKey[], where: SQL[], limit: number, stats?: AssetStats) {
  const base = tx.select(pageSource(keys)).from(assets);
  return (stats ? base.leftJoin(stats, sql`${stats.assetId} = ${assets.id}`) : base)
    .where(and(...where))
    .orderBy(...keys.map((k) => desc(k.expr)), desc(assets.id))
    .limit(limit)
    .as("assets");
}

/**
 * The page of a search in exact sort order. With every hit known (at most EXACT_LIMIT) only those rows are
 * read and sorted; a broad search sorted by freshness walks the freshness index; one sorted by usage or
 * effectiveness sorts every hit.
 */
async function sortedPage(
  tx: Database,
  s: PreparedSearch,
  keys: SortKey[],
  after: After | undefined,
  limit: number,
  stats?: AssetStats,
) {
  const where = s.hits.exact
    ? [amongIds(s.hits.ids)]
    : [s.visibility, ...s.facets, ...(s.match.where ? [s.match.where] : [])];
  if (after) where.push(keysetAfter(keys, after));
  await setPlanShape(tx, !s.hits.exact && s.sort === "newest" ? "walk" : "bitmap");
  const page = pageSubquery(tx, keys, where, limit, stats);
  return itemDetails(await pageItems(tx, s.workspaceId, page, keys, s.text));
}

/** Up to `limit` rows meeting `indexed` among the `size` freshest meeting `rest`, freshest first. */
function windowSubquery(
  tx: Database,
  size: number,
  keys: SortKey[],
  indexed: SQL[],
  rest: SQL[],
  limit: number,
) {
  const window = tx
    .select()
    .from(assets)
    .where(and(...rest))
    .orderBy(desc(freshAt), desc(assets.id))
    .limit(size)
    .as("assets");
  return tx
    .select(pageSource(keys))
    .from(window)
    .where(and(...indexed))
    .orderBy(desc(freshAt), desc(assets.id))
    .limit(limit)
    .as("assets");
}

/**
 * A champion tier's rows: the list's members above `above` that still match the words' title tier and that
 * the actor may see under the filters, best first, read in the order of the list's index (each member's
 * asset by its key), so a page costs about as many rows as it shows.
 */
function championSubquery(
  tx: Database,
  s: PreparedSearch,
  tier: ChampionTier,
  keys: SortKey[],
  keyset: SQL[],
  limit: number,
) {
  return tx
    .select(pageSource(keys))
    .from(assets)
    .innerJoin(
      searchChampions,
      and(eq(searchChampions.listId, tier.list), eq(searchChampions.assetId, assets.id)),
    )
    .where(
      and(sql`${searchChampions.score} > ${tier.above}`, tier.title, s.visibility, ...s.facets, ...keyset),
    )
    .orderBy(desc(searchChampions.score), desc(freshAt), desc(assets.id))
    .limit(limit)
    .as("assets");
}

/** A champion list's members scoring above `above` (and matching `title`, the title tier's condition). */
type ChampionTier = { list: number; above: number; title: SQL };

/**
 * A broad search's tiers, best first, each with its level (the cursor's first key): a champion list's
 * members (level 4), a ranked window of the titles or the titles ranked first by their tags and description
 * (3), or hits meeting a condition (title 2, other head fields 1, body 0); typo-tolerant: exact hits 3, a
 * ranked window of the titles like the words 2, those titles 1, assets tagged alike 0.
 */
type Tier = { level: number } & (
  | { champions: ChampionTier }
  /**
   * `window`: a ranked window's hits; `broad`: known to be more than can be ranked (a window's older hits), about
   * `estimate` of them (the planner's estimate of the windowed tier's hits, when it was asked).
   */
  | { where: SQL; window?: true; broad?: true; hits?: HitSet; estimate?: number }
);

/** At or after a window's boundary: the assets at least as fresh as its last one (served by the freshness index). */
const sinceBoundary = ([at, id]: Window) =>
  sql`(${freshAt}, ${assets.id}) >= (${at}::timestamptz, ${id}::uuid)`;

/**
 * The tiers of a broad search. With a built champion list the titles it ranks above its threshold come
 * first and the title tier keeps the others; later pages use the list only if the first page did, split at
 * the first page's threshold (the cursor's `c`), so a list rebuilt in between changes no page's rows.
 */
function tiersOf(
  s: PreparedSearch,
  after: After | undefined,
  {
    window = after?.w,
    rich = after?.s === 1 ? {} : undefined,
    estimate,
  }: { window?: Window; rich?: { hits?: HitSet }; estimate?: number } = {},
): Tier[] {
  const { tiers: conditions, windowed } = s.match;
  // Levels count down to 0, skipping one above the windowed tier: the window's own.
  const base = conditions.map((where, i) => ({
    level: conditions.length - 1 - i + (i < windowed ? 1 : 0),
    where,
  }));
  const list = s.champions?.built && s.match.mode === "fulltext" ? s.champions : null;
  const above = after ? after.c : list?.threshold;
  const [title, ...rest] = base;
  // A tier's hits among the freshest assets, ranked (at `level`), then its older hits, known to be broad.
  const windowOver = (tier: { level: number; where: SQL }, level: number): Tier[] =>
    window
      ? [
          { level, where: sql`${tier.where} and ${sinceBoundary(window)}`, window: true },
          {
            level: tier.level,
            where: sql`${tier.where} and not ${sinceBoundary(window)}`,
            broad: true,
            ...(estimate !== undefined ? { estimate } : {}),
          },
        ]
      : [tier];
  if (list && above !== undefined && title) {
    // The list's members above its threshold, then the other titles (the threshold's ties first, when a
    // window ranks them).
    const member = sql`exists (select 1 from ${searchChampions} c
      where c.list_id = ${list.id} and c.asset_id = ${assets.id} and c.score > ${above})`;
    return [
      { level: base.length + 1, champions: { list: list.id, above, title: title.where } },
      ...windowOver({ level: title.level, where: sql`${title.where} and not ${member}` }, base.length),
      ...rest,
    ];
  }
  if (rich && title && s.match.richTitles && above === undefined) {
    return [
      { level: base.length, where: s.match.richTitles, ...(rich.hits ? { hits: rich.hits } : {}) },
      { level: title.level, where: sql`${title.where} and not (${s.match.richTitles})`, broad: true },
      ...rest,
    ];
  }
  const ranked = base[windowed];
  if (!ranked || above !== undefined) return base;
  return [...base.slice(0, windowed), ...windowOver(ranked, ranked.level + 1), ...base.slice(windowed + 1)];
}

/**
 * The page of a broad search by relevance: tier by tier (a champion list's titles; title, tags or
 * description, body; typo matches have their own). A champion tier and a tier whose hits are all known (at
 * most EXACT_LIMIT) are ranked by score, as an exact search would rank them (the title tier usually is: few
 * titles hold a word most bodies hold); a larger one is ordered freshest first: a dense tier fills the page
 * from the freshest few hundred assets (every tier but the first is tried that way), another by walking the
 * freshness index until the page is full. The cursor keeps the tier's order: its score key is 0 when the tier
 * is ordered freshest first, and the score plus 1 (always at least 1) when ranked. A cursor from a champion
 * tier whose list has since gone goes on through the title tier by score. `titleTierBroad`: the first page
 * found the title tier too large to rank, and no champion list served it. A tier's statement selects its rows'
 * details too (the rows it returns are kept, but for the one after the page), so most pages need no statement
 * to complete them; the rows of a look at the freshest few hundred are completed afterwards, if kept.
 */
async function tieredPage(tx: Database, s: PreparedSearch, after: After | undefined, limit: number) {
  let tiers = tiersOf(s, after);
  const rows: TierRow[] = [];
  let titleTierBroad = false;
  let window = after?.w;
  let rich = after?.s === 1;
  // The cursor's tier, or the first below its level (a champion tier whose list has gone: the title tier).
  const first = after ? tiers.findIndex((t) => t.level <= Number(after.k[0])) : 0;
  for (let i = Math.max(first, 0); first >= 0 && i < tiers.length && rows.length < limit; i++) {
    const tier = tiers[i]!;
    if ("where" in tier && tier.where === NO_TIER) continue;
    const level = { expr: sql`${tier.level}::int`, kind: "int4" as const };
    const fresh = { expr: freshAt, kind: "timestamptz" as const };
    const byFreshness: SortKey[] = [level, { expr: sql`0::float8`, kind: "float8" }, fresh];
    const byScore: SortKey[] = [level, { expr: sql`(${s.match.score}) + 1`, kind: "float8" }, fresh];
    // Within the cursor's own tier: its order as the cursor says, and continue after the cursor's keys.
    const continuing = after && i === first;
    const order = continuing ? (Number(after.k[1]) > 0 ? "score" : "fresh") : undefined;
    const keyset = (keys: SortKey[]) =>
      continuing ? [keysetAfter(keys.slice(1), { k: after.k.slice(1), id: after.id })] : [];
    const need = limit - rows.length;
    if ("champions" in tier) {
      // Ranked by the stored score, which is the exact search's score (plus 1 in the cursor, as byScore).
      const keys: SortKey[] = [level, { expr: sql`${searchChampions.score} + 1`, kind: "float8" }, fresh];
      await setPlanShape(tx, "walk");
      const page = championSubquery(tx, s, tier.champions, keys, keyset(keys), need);
      rows.push(...(await detailedRows(tx, s.workspaceId, page, keys, s.text)));
      continue;
    }
    const indexed = [...s.facets, tier.where];
    if (tier.window) {
      // The window's titles, at most walkWindow of them, ranked by score: read walking the freshness index
      // down to the window's boundary.
      await setPlanShape(tx, "walk");
      const where = [...indexed, s.visibility, ...keyset(byScore)];
      const page = pageSubquery(tx, byScore, where, need);
      rows.push(...(await detailedRows(tx, s.workspaceId, page, byScore, s.text)));
      continue;
    }
    // A tier most assets are in fills the page within the freshest few hundred: no need to find its hits.
    // The first tier (titles; a typo search's exact hits) rarely is, and its own index finds its hits
    // quickly, so it skips the look and the two changes of plan shape around it.
    // The tier a window may rank: the titles (or those like the words), after a champion tier's members.
    const championsFirst = "champions" in tiers[0]!;
    const mayWindow = i === (championsFirst ? 1 : s.match.windowed) && !after && !window && !tier.broad;
    // The hits of a window's tier older than the window are as many, less a few hundred: walked freshest first.
    const known = tier.broad && order !== "score";
    if (i > 0 && order !== "score" && !mayWindow && !known) {
      await setPlanShape(tx, "walk");
      const rest = [s.visibility, ...keyset(byFreshness)];
      const quick = await pageRows(
        tx,
        windowSubquery(tx, s.walkWindow, byFreshness, indexed, rest, need),
        byFreshness,
      );
      if (quick.length === need) {
        rows.push(...quick);
        break;
      }
    }
    const hits = known
      ? { exact: false, ids: [] }
      : !continuing && tier.hits
        ? tier.hits
        : await findHits(
            tx,
            { indexed, rest: [s.visibility, ...keyset(order === "score" ? byScore : byFreshness)] },
            s.exactLimit,
          );
    if (i === 0 && !after && !hits.exact && s.match.mode === "fulltext") titleTierBroad = true;
    // Without a champion list, the (typo-like) titles of the freshest walkWindow assets are ranked first (a
    // window): among titles that mostly score alike, the best of the freshest are usually the best of all.
    if (mayWindow && !hits.exact && !rich && !championsFirst && s.match.richTitles) {
      // One word: the titles also holding it in their tags or description outrank the others; when they are
      // few enough to rank they come first (ranked), then the other titles freshest first (mostly tied).
      const found = await findHits(
        tx,
        { indexed: [...s.facets, s.match.richTitles], rest: [s.visibility] },
        s.exactLimit,
      );
      if (found.exact && found.ids.length > 0) {
        rich = true;
        tiers = tiersOf(s, undefined, { rich: { hits: found } });
        i -= 1;
        continue;
      }
    }
    if (mayWindow && !hits.exact && !rich) {
      window = await windowBoundary(tx, s);
      if (window) {
        tiers = tiersOf(s, undefined, {
          window,
          ...(hits.estimate !== undefined ? { estimate: hits.estimate } : {}),
        });
        i -= 1;
        continue;
      }
    }
    if (hits.exact && hits.ids.length === 0) continue;
    const ranked = order === "score" || (order === undefined && hits.exact);
    const keys = ranked ? byScore : byFreshness;
    const where = [...indexed, s.visibility, ...keyset(keys)];
    const walk =
      !hits.exact && !ranked && !(await sparseTier(tx, s, indexed, hits.estimate ?? tier.estimate, need));
    await setPlanShape(tx, walk ? "walk" : "bitmap");
    const page = pageSubquery(tx, keys, hits.exact ? [amongIds(hits.ids)] : where, need);
    rows.push(...(await detailedRows(tx, s.workspaceId, page, keys, s.text)));
  }
  const champions = tiers[0] && "champions" in tiers[0] ? tiers[0].champions.above : undefined;
  return { rows, titleTierBroad, champions, window, rich };
}

/**
 * Whether a tier too large to rank is sparse enough that finding all its hits (bitmaps) and sorting them by
 * freshness costs less than walking the freshness index until `need` of them turn up: a walk tests about
 * need x visible / hits rows, a bitmap reads the hits (`estimate`, the planner's, or asked for now). A word
 * in 0.1% of a million titles made the walk test 18,648 rows (155 ms) for a page of 20. Only one word's
 * estimate is trusted (TextMatch.oneWord): filters and other words are estimated as independent, and a stage,
 * a type and a word expected in 3,000 assets of a million were in tens of thousands, whose bitmap cost 513 ms
 * where the walk found a page in 30.
 */
async function sparseTier(
  tx: Database,
  s: PreparedSearch,
  indexed: SQL[],
  estimate: number | undefined,
  need: number,
): Promise<boolean> {
  if (s.facets.length > 0 || !s.match.oneWord) return false;
  // The tier is known to hold more than exactLimit hits, whatever the estimate says.
  const hits = Math.max(estimate ?? (await estimatedHits(tx, [...indexed, s.visibility])), s.exactLimit + 1);
  const visible = await estimatedHits(tx, [s.visibility]);
  return bitmapCheaper(hits, visible, need, s.walkRowCost);
}

/** The last of the freshest `walkWindow` assets the actor may see: a ranked window's boundary (none if fewer). */
async function windowBoundary(tx: Database, s: PreparedSearch): Promise<Window | undefined> {
  await setPlanShape(tx, "walk");
  const [last] = await tx
    .select({ at: sql<string>`(${freshAt})::text`, id: assets.id })
    .from(assets)
    .where(s.visibility)
    .orderBy(desc(freshAt), desc(assets.id))
    .offset(s.walkWindow - 1)
    .limit(1);
  return last ? [last.at, last.id] : undefined;
}

/**
 * Assets the actor may see that match the words and filters, one page at a time. Every sort is keyset-
 * paginated on (sort keys..., id) descending; the cursor carries the keys, how the words matched and
 * whether the search was broad (more than EXACT_LIMIT hits, ordered by tier).
 */
export async function searchAssets(
  db: Database,
  actor: Actor,
  input: SearchInput,
  opts: SearchOptions & {
    facets?: boolean;
    /** Record the search for analytics (among its statements), with these filters. */
    record?: Omit<SearchEvent, "resultCount">;
    /** When the words find nothing, suggest titles that look like them (among its statements). */
    suggest?: boolean;
  } = {},
): Promise<SearchResult> {
  const { params, sort } = normaliseSearch(input);
  const digest = searchDigest(params, sort);
  // The 12-month stats subquery is a large piece of SQL: built only for a sort that ranks by it, and once.
  let statsSubquery: AssetStats | undefined;
  const stats = () => (statsSubquery ??= assetStatsSubquery(db, actor.workspaceId));
  const exactKinds = sortKeys(sort, textMatch(undefined, "none"), stats).map((k) => k.kind);
  const after = params.cursor
    ? decodeCursor(params.cursor, digest, (broad) => (broad ? TIER_KEYS : exactKinds))
    : undefined;

  return inSearchTransaction(db, actor.workspaceId, params.q, async (tx, cfg) => {
    const prepared = await prepareSearch(tx, actor, cfg, { params, sort }, after?.m, opts);
    const { match, hits } = prepared;
    const tiered =
      sort === "relevance" && match.mode !== "none" && (after ? after.r === "broad" : !hits.exact);
    const keys = sortKeys(sort, match, stats);
    const needsStats = sort === "most_used" || sort === "most_effective";
    // A sorted page comes with its items' details; so do a tiered page's rows, but those of a look at the
    // freshest few hundred (kept only when it fills the page), which are completed afterwards.
    const sorted = tiered
      ? null
      : await sortedPage(tx, prepared, keys, after, params.limit + 1, needsStats ? stats() : undefined);
    const tieredRows = sorted ? null : await tieredPage(tx, prepared, after, params.limit + 1);
    const rows = sorted ?? tieredRows!.rows;

    const page = rows.slice(0, params.limit);
    const last = page.at(-1);
    const keyCount = tiered ? 3 : keys.length;
    const nextCursor =
      rows.length > params.limit && last
        ? encodeCursor({
            h: digest,
            m: match.mode,
            ...(tiered ? { r: "broad" as const } : {}),
            ...(tieredRows?.champions !== undefined ? { c: tieredRows.champions } : {}),
            ...(tieredRows?.window ? { w: tieredRows.window } : {}),
            ...(tieredRows?.rich ? { s: 1 as const } : {}),
            k: [last.k0, last.k1, last.k2].slice(0, keyCount) as (number | string)[],
            id: last.id,
          })
        : null;
    // A first page whose title tier was too large to rank asks for a champion list; one that used its list
    // notes, once a day, that it is still searched for.
    const asks = tieredRows?.titleTierBroad && !prepared.champions;
    const uses = tieredRows?.champions !== undefined && prepared.champions?.stale;
    if (prepared.text && (asks || uses)) {
      await noteChampionSearch(tx, prepared.text);
    }
    // Completing rows and counting facets read rows by id: a walk's settings (no bitmaps, no sorting) would
    // scan whole indexes. A page whose rows came with their details, and whose facets count nothing (too
    // many hits: only the labels and the search event are read), needs no change back.
    const tierRows = tieredRows?.rows.slice(0, params.limit) ?? [];
    const counts = opts.facets && hits.exact;
    if (tierRows.some((r) => !r.detail) || counts) await setPlanShape(tx, "bitmap");
    const items = sorted
      ? sorted.slice(0, params.limit).map((row) => toSearchItem(actor, row, row))
      : await toSearchItems(tx, actor, tierRows, prepared.text);
    // Facet counts and labels, and the search event, in one statement.
    const groups = opts.facets ? await facetGroups(tx, actor, prepared) : [];
    const total = hits.exact ? hits.ids.length : prepared.exactLimit;
    const event = opts.record && searchEventSql(tx, actor, { ...opts.record, resultCount: total });
    const queries = opts.facets ? facetQueries(actor, params, groups) : { columns: {}, with: [] };
    const closing =
      opts.facets || event
        ? await selectTogether(
            tx,
            { ...queries.columns, ...(event ? { search_id: sql`(select id from search_event)` } : {}) },
            [...queries.with, ...(event ? [sql`search_event as (${event})`] : [])],
          )
        : {};
    const facets = opts.facets ? facetsFrom(actor, params, groups, closing) : null;
    const searchId = event ? Number(closing.search_id) : null;
    const suggestions =
      opts.suggest && total === 0 && params.q ? await suggestTitles(tx, actor, params.q) : [];
    return {
      items,
      nextCursor,
      total,
      totalExact: hits.exact,
      textMode: match.mode,
      facets,
      searchId,
      suggestions,
      estimates: { cached: cfg.estimates.cached, planned: cfg.estimates.planned },
    };
  });
}
