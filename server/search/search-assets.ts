import "server-only";
import { and, count, desc, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import {
  searchParamsSchema,
  type SearchInput,
  type SearchParams,
  type SearchSort,
} from "@/lib/schemas/search";
import { parseOrThrow } from "@/lib/zod-errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { assetStatsSubquery, effectivenessOf, usageOf, type AssetStats } from "./asset-stats";
import { decodeCursor, encodeCursor, searchDigest, type KeyKind } from "./search-cursor";
import { facetConditions, freshAt, otherFacets } from "./search-filters";
import { toSearchItems, type SearchItem } from "./search-items";
import {
  FEW_RESULTS,
  searchTextOf,
  textMatch,
  withTextSearch,
  type SearchText,
  type TextMatch,
  type TextMode,
} from "./text-query";

export interface SearchResult {
  items: SearchItem[];
  nextCursor: string | null;
  total: number;
  /** How the words matched: "fuzzy" means typo-tolerant title/tag matches were added to few exact hits. */
  textMode: TextMode;
}

/** Parses and normalises search input; without words, "relevance" sorts like "newest". */
export function normaliseSearch(input: SearchInput): { params: SearchParams; sort: SearchSort } {
  const params = parseOrThrow(searchParamsSchema, input, "Search");
  const q = params.q ? params.q : undefined;
  const sort = params.sort === "relevance" && !q ? "newest" : params.sort;
  return { params: { ...params, q }, sort };
}

async function countMatching(db: Database, where: SQL[]) {
  const [row] = await db
    .select({ n: count() })
    .from(assets)
    .where(and(...where));
  return Number(row?.n ?? 0);
}

/**
 * Full-text when it finds enough; below FEW_RESULTS hits the typo-tolerant match is added. Counted under
 * the actor's visibility and every filter, so a typo fallback happens for what this person can see.
 */
export async function chooseTextMode(
  db: Database,
  actor: Actor,
  params: SearchParams,
  text: SearchText | undefined,
): Promise<{ mode: TextMode; fulltextTotal?: number }> {
  if (!text) return { mode: "none" };
  const fulltextTotal = await withTextSearch(db, "fulltext", (db) =>
    countMatching(db, searchWhere(actor, params, textMatch(text, "fulltext"))),
  );
  return fulltextTotal < FEW_RESULTS ? { mode: "fuzzy" } : { mode: "fulltext", fulltextTotal };
}

/** Base conditions of a search: visibility, the words, every selected facet. */
export function searchWhere(actor: Actor, params: SearchParams, match: TextMatch): SQL[] {
  const where = [assetVisibility(actor), ...otherFacets(facetConditions(actor, params))];
  if (match.where) where.push(match.where);
  return where;
}

/** Runs a search step with the settings its way of matching words needs (withTextSearch). */
export function runInMode<T>(db: Database, mode: TextMode, run: (db: Database) => Promise<T>) {
  return withTextSearch(db, mode, run);
}

type SortKey = { expr: SQL; kind: KeyKind };

function sortKeys(sort: SearchSort, match: TextMatch, stats: AssetStats): SortKey[] {
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
      return [{ expr: usageOf(stats), kind: "int4" }];
    case "most_effective":
      return [
        { expr: effectivenessOf(stats), kind: "float8" },
        { expr: usageOf(stats), kind: "int4" },
      ];
  }
}

/**
 * Assets the actor may see that match the words and filters, one page at a time. Every sort is keyset-
 * paginated on (sort keys..., id) descending; the cursor carries the keys and how the words matched.
 */
export async function searchAssets(db: Database, actor: Actor, input: SearchInput): Promise<SearchResult> {
  const { params, sort } = normaliseSearch(input);
  const digest = searchDigest(params, sort);
  const stats = assetStatsSubquery(db, actor.workspaceId);
  const kinds = sortKeys(sort, textMatch(undefined, "none"), stats).map((k) => k.kind);
  const after = params.cursor ? decodeCursor(params.cursor, digest, kinds) : undefined;
  const text = await searchTextOf(db, actor.workspaceId, params.q);

  let mode: TextMode;
  let knownTotal: number | undefined;
  if (after) mode = after.m;
  else ({ mode, fulltextTotal: knownTotal } = await chooseTextMode(db, actor, params, text));
  const match = textMatch(text, mode);
  const where = searchWhere(actor, params, match);
  const keys = sortKeys(sort, match, stats);

  const pageWhere = [...where];
  if (after) {
    const values = after.k.map((v, i) => sql`${v}::${sql.raw(keys[i]!.kind)}`);
    pageWhere.push(
      sql`(${sql.join(
        keys.map((k) => k.expr),
        sql`, `,
      )}, ${assets.id}) < (${sql.join(values, sql`, `)}, ${after.id}::uuid)`,
    );
  }
  const needsStats = sort === "most_used" || sort === "most_effective";
  const keyColumns = Object.fromEntries(
    keys.map((k, i) => [
      `k${i}`,
      k.kind === "timestamptz" ? sql<string>`(${k.expr})::text` : sql<number>`(${k.expr})`.mapWith(Number),
    ]),
  );

  const { total, rows } = await runInMode(db, mode, async (db) => {
    const base = db
      .select({
        id: assets.id,
        title: assets.title,
        type: assets.type,
        status: assets.status,
        description: assets.description,
        publishedAt: assets.publishedAt,
        updatedAt: assets.updatedAt,
        ...keyColumns,
      })
      .from(assets);
    return {
      total: knownTotal ?? (await countMatching(db, where)),
      rows: await (needsStats ? base.leftJoin(stats, sql`${stats.assetId} = ${assets.id}`) : base)
        .where(and(...pageWhere))
        .orderBy(...keys.map((k) => desc(k.expr)), desc(assets.id))
        .limit(params.limit + 1),
    };
  });

  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > params.limit && last
      ? encodeCursor({
          h: digest,
          m: mode,
          k: keys.map((_, i) => (last as Record<string, unknown>)[`k${i}`] as number | string),
          id: last.id,
        })
      : null;
  return {
    items: await toSearchItems(db, actor, page, text),
    nextCursor,
    total,
    textMode: mode,
  };
}
