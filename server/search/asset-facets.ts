import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assets, buyingStages, taxonomyTerms, users } from "@/db/schema";
import { assetTypeLabels, assetTypes } from "@/lib/assets";
import {
  freshnessWindows,
  type facetsSchema,
  type Freshness,
  type SearchInput,
  type SearchParams,
} from "@/lib/schemas/search";
import type { Actor } from "@/server/authz/actor";
import { amongIds, findHits, type HitSet } from "./hit-set";
import { normaliseSearch, prepareSearch, type PreparedSearch, type SearchOptions } from "./prepare-search";
import {
  facetConditions,
  facetKeys,
  freshnessCondition,
  otherFacets,
  termFacets,
  type FacetKey,
} from "./search-filters";
import { inSearchTransaction } from "./text-query";

export type Facets = z.input<typeof facetsSchema>;
type FacetValue = Facets["stage"][number];

const freshnessLabels: Record<Freshness, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "1y": "Last year",
  older: "Older than a year",
};

/** Counts per facet value over known hits (at most EXACT_LIMIT): stage and tag ids from facet_keys. */
async function countOver(tx: Database, actor: Actor, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const among = amongIds(ids);
  const branches: SQL[] = [
    sql`select 'key'::text as facet, k::text as value, count(*)::int as n
      from ${assets}, unnest(${assets.facetKeys}) k where ${among} group by k`,
    sql`select 'type'::text, ${assets.type}::text, count(*)::int from ${assets} where ${among} group by ${assets.type}`,
    // Each bucket counts exactly what its filter (freshnessCondition) would keep.
    sql`select 'freshness'::text, b.bucket, count(*)::int
      from ${assets} join (values ('30d'), ('90d'), ('1y'), ('older')) as b(bucket) on case b.bucket
        ${sql.join(
          freshnessWindows.map((f) => sql`when ${f} then ${freshnessCondition[f]}`),
          sql` `,
        )} end
      where ${among} group by b.bucket`,
  ];
  if (actor.role !== "partner") {
    branches.push(
      sql`select 'owner'::text, ${assets.ownerId}::text, count(*)::int from ${assets} where ${among} group by ${assets.ownerId}`,
    );
  }
  const { rows } = await tx.execute<{ facet: string; value: string; n: number }>(
    sql.join(branches, sql` union all `),
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.facet}:${r.value}`, Number(r.n));
  return counts;
}

type FacetCounts = Map<FacetKey, Map<string, number> | null>;

/**
 * Counts per facet value for what the actor may see, matching the same words, inside the search's
 * transaction. Each facet's counts apply every other facet's selection but not its own (disjunctive
 * faceting), so choosing a second stage shows how many more results it would add. Counts are exact over at
 * most EXACT_LIMIT hits; a facet whose hits are more gets null (the UI asks to narrow the search).
 */
export async function countFacets(tx: Database, actor: Actor, s: PreparedSearch): Promise<FacetCounts> {
  const conditions = facetConditions(actor, s.params);
  const words = s.match.where ? [s.match.where] : [];
  // Facets with nothing selected count the search's own hits; a selected one, the hits without its own filter.
  const groups: { facets: readonly FacetKey[]; hits: HitSet }[] = [
    { facets: facetKeys.filter((k) => !conditions[k]), hits: s.hits },
  ];
  // A selected facet's hits include the search's own, so none is countable when those are already too many.
  for (const f of s.hits.exact ? facetKeys.filter((k) => conditions[k]) : []) {
    const indexed = [...otherFacets(conditions, f), ...words];
    groups.push({ facets: [f], hits: await findHits(tx, { indexed, rest: [s.visibility] }, s.exactLimit) });
  }
  const byFacet: FacetCounts = new Map(facetKeys.map((k) => [k, null]));
  for (const g of groups) {
    const counts = g.hits.exact ? await countOver(tx, actor, g.hits.ids) : null;
    for (const f of g.facets) byFacet.set(f, counts);
  }
  return byFacet;
}

/** Facet counts for a search on its own (searchAssets counts them with its page when asked). */
export async function assetFacets(
  db: Database,
  actor: Actor,
  input: SearchInput,
  opts: SearchOptions = {},
): Promise<Facets> {
  return inSearchTransaction(db, actor.workspaceId, async (tx, cfg) => {
    const s = await prepareSearch(tx, actor, cfg, normaliseSearch(input), undefined, opts);
    return labelFacets(tx, actor, s.params, await countFacets(tx, actor, s));
  });
}

/** The facets with their values' labels, in display order. Owners are not listed for partners. */
export async function labelFacets(
  db: Database,
  actor: Actor,
  params: SearchParams,
  byFacet: FacetCounts,
): Promise<Facets> {
  const countOf = (facet: FacetKey, value: string): number | null => {
    const counts = byFacet.get(facet);
    if (!counts) return null;
    const key = facet === "stage" || termFacets.some(([kind]) => kind === facet) ? "key" : facet;
    return counts.get(`${key}:${value}`) ?? 0;
  };
  const shown = (facet: FacetKey, value: string, selected: readonly string[]) => {
    const n = countOf(facet, value);
    return n === null || n > 0 || selected.includes(value);
  };

  // Stages and tags, in display order, in one statement.
  const labels = await db
    .select({
      id: taxonomyTerms.id,
      kind: sql<FacetKey>`${taxonomyTerms.kind}::text`,
      name: taxonomyTerms.name,
      position: taxonomyTerms.position,
    })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.workspaceId, actor.workspaceId))
    .unionAll(
      db
        .select({
          id: buyingStages.id,
          kind: sql<FacetKey>`'stage'`,
          name: buyingStages.name,
          position: buyingStages.position,
        })
        .from(buyingStages)
        .where(eq(buyingStages.workspaceId, actor.workspaceId)),
    );
  labels.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const stages = labels.filter((l) => l.kind === "stage");
  const terms = labels.filter((l) => l.kind !== "stage");
  const ownerCounts = byFacet.get("owner");
  const ownerIds = ownerCounts
    ? [...ownerCounts.keys()].filter((k) => k.startsWith("owner:")).map((k) => k.slice(6))
    : [];
  if (actor.role !== "partner") ownerIds.push(...params.ownerIds);
  const owners = ownerIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, actor.workspaceId), inArray(users.id, [...new Set(ownerIds)])))
        .orderBy(asc(users.name))
    : [];

  const byCount = (a: FacetValue, b: FacetValue) =>
    (b.count ?? 0) - (a.count ?? 0) || a.label.localeCompare(b.label);
  const facetOf = (facet: FacetKey, selected: readonly string[]): FacetValue[] =>
    terms
      .filter((t) => t.kind === facet && shown(facet, t.id, selected))
      .map((t) => ({ value: t.id, label: t.name, count: countOf(facet, t.id) }));
  const selectedTerms = Object.fromEntries(termFacets.map(([kind, field]) => [kind, params[field]]));

  return {
    stage: stages.map((s) => ({ value: s.id, label: s.name, count: countOf("stage", s.id) })),
    type: assetTypes
      .filter((t) => shown("type", t, params.types))
      .map((t) => ({ value: t, label: assetTypeLabels[t], count: countOf("type", t) }))
      .sort(byCount),
    product: facetOf("product", selectedTerms.product!),
    industry: facetOf("industry", selectedTerms.industry!),
    persona: facetOf("persona", selectedTerms.persona!),
    region: facetOf("region", selectedTerms.region!),
    competitor: facetOf("competitor", selectedTerms.competitor!),
    owner: owners.map((o) => ({ value: o.id, label: o.name, count: countOf("owner", o.id) })).sort(byCount),
    freshness: freshnessWindows.map((f) => ({
      value: f,
      label: freshnessLabels[f],
      count: countOf("freshness", f),
    })),
  };
}
