import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assets, buyingStages, taxonomyTerms, users } from "@/db/schema";
import { assetTypeLabels, assetTypes } from "@/lib/assets";
import type { facetsSchema, Freshness, SearchInput } from "@/lib/schemas/search";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { chooseTextMode, normaliseSearch, runInMode } from "./search-assets";
import { facetConditions, facetKeys, freshAt, termFacets, type FacetKey } from "./search-filters";
import { searchTextOf, textMatch, type TextMode } from "./text-query";

export type Facets = z.input<typeof facetsSchema>;
type FacetValue = Facets["stage"][number];

const freshnessLabels: Record<Freshness, string> = {
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  "1y": "Last year",
  older: "Older than a year",
};

/** Every facet flag except the facet's own, so its values count under all the other filters. */
const othersOf = (facet: FacetKey) =>
  sql.raw(
    facetKeys
      .filter((k) => k !== facet)
      .map((k) => `base.f_${k}`)
      .join(" and "),
  );

/**
 * Counts per facet value for what the actor may see, matching the same words. Each facet's counts apply
 * every other facet's selection but not its own (disjunctive faceting), so choosing a second stage shows
 * how many more results it would add. Owners are not listed for partners.
 */
export async function assetFacets(
  db: Database,
  actor: Actor,
  input: SearchInput,
  opts: { textMode?: TextMode } = {},
): Promise<Facets> {
  const { params } = normaliseSearch(input);
  const text = await searchTextOf(db, actor.workspaceId, params.q);
  const mode = opts.textMode ?? (await chooseTextMode(db, actor, params, text)).mode;
  const match = textMatch(text, mode);
  const conditions = facetConditions(actor, params);
  const flags = sql.join(
    facetKeys.map((k) => sql`${conditions[k] ?? sql`true`} as ${sql.raw(`f_${k}`)}`),
    sql`, `,
  );
  const where = and(assetVisibility(actor), match.where)!;

  const branches: SQL[] = [
    sql`select 'stage'::text as facet, s.stage_id::text as value, count(*)::int as n
      from base join asset_stages s on s.asset_id = base.id where ${othersOf("stage")} group by s.stage_id`,
    sql`select 'type'::text, base.type::text, count(*)::int from base where ${othersOf("type")} group by base.type`,
    // Every tag facet in one pass over the hits' tags (one join of asset_terms, not one per kind).
    sql`select t.kind::text, l.term_id::text, count(*)::int
      from base join asset_terms l on l.asset_id = base.id
      join taxonomy_terms t on t.id = l.term_id
      where case t.kind::text ${sql.join(
        termFacets.map(([kind]) => sql`when ${kind} then ${othersOf(kind)}`),
        sql` `,
      )} else false end
      group by t.kind, l.term_id`,
    sql`select 'freshness'::text, b.bucket, count(*)::int
      from base join (values ('30d'), ('90d'), ('1y'), ('older')) as b(bucket) on case b.bucket
        when '30d' then base.fresh_at >= now() - interval '30 days'
        when '90d' then base.fresh_at >= now() - interval '90 days'
        when '1y' then base.fresh_at >= now() - interval '1 year'
        else base.fresh_at < now() - interval '1 year' end
      where ${othersOf("freshness")} group by b.bucket`,
  ];
  if (actor.role !== "partner") {
    branches.push(
      sql`select 'owner'::text, base.owner_id::text, count(*)::int from base where ${othersOf("owner")} group by base.owner_id`,
    );
  }
  const { rows } = await runInMode(db, mode, (db) =>
    db.execute<{ facet: string; value: string; n: number }>(sql`
      with base as (
        select ${assets.id} as id, ${assets.type} as type, ${assets.ownerId} as owner_id, ${freshAt} as fresh_at, ${flags}
        from ${assets} where ${where}
      )
      ${sql.join(branches, sql` union all `)}`),
  );

  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.facet}:${r.value}`, Number(r.n));
  const countOf = (facet: string, value: string) => counts.get(`${facet}:${value}`) ?? 0;
  const shown = (facet: string, value: string, selected: readonly string[]) =>
    countOf(facet, value) > 0 || selected.includes(value);

  const stages = await db
    .select({ id: buyingStages.id, name: buyingStages.name })
    .from(buyingStages)
    .where(eq(buyingStages.workspaceId, actor.workspaceId))
    .orderBy(asc(buyingStages.position));
  const terms = await db
    .select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind, name: taxonomyTerms.name })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.workspaceId, actor.workspaceId))
    .orderBy(asc(taxonomyTerms.position), asc(taxonomyTerms.name));
  const ownerIds = [...counts.keys()].filter((k) => k.startsWith("owner:")).map((k) => k.slice(6));
  if (actor.role !== "partner") ownerIds.push(...params.ownerIds);
  const owners = ownerIds.length
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, actor.workspaceId), inArray(users.id, [...new Set(ownerIds)])))
        .orderBy(asc(users.name))
    : [];

  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label);
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
    freshness: (["30d", "90d", "1y", "older"] as const).map((f) => ({
      value: f,
      label: freshnessLabels[f],
      count: countOf("freshness", f),
    })),
  };
}
