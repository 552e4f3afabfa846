import "server-only";
import { inArray, sql, type SQL } from "drizzle-orm";
import { assets } from "@/db/schema";
import type { Freshness, SearchParams } from "@/lib/schemas/search";
import type { TaxonomyKind } from "@/lib/taxonomy";
import type { Actor } from "@/server/authz/actor";
import { seesInternalDetails } from "@/server/authz/rules";

export const facetKeys = [
  "stage",
  "type",
  "product",
  "industry",
  "persona",
  "region",
  "competitor",
  "owner",
  "freshness",
] as const;
export type FacetKey = (typeof facetKeys)[number];

export const termFacets = [
  ["product", "productIds"],
  ["industry", "industryIds"],
  ["persona", "personaIds"],
  ["region", "regionIds"],
  ["competitor", "competitorIds"],
] as const satisfies readonly (readonly [TaxonomyKind, keyof SearchParams])[];

/** When an asset counts as fresh: when it was published, or created if it never was. */
export const freshAt = sql`coalesce(${assets.publishedAt}, ${assets.createdAt})`;

export const freshnessCondition: Record<Freshness, SQL> = {
  "30d": sql`${freshAt} >= now() - interval '30 days'`,
  "90d": sql`${freshAt} >= now() - interval '90 days'`,
  "1y": sql`${freshAt} >= now() - interval '1 year'`,
  older: sql`${freshAt} < now() - interval '1 year'`,
};

/** Any of these stage or term ids among the asset's facet keys: a lookup in the facet_keys GIN index. */
export const withAnyKey = (ids: readonly string[]) => sql`${assets.facetKeys} && ${uuidArray(ids)}`;

/** A uuid[] bound as one parameter (drizzle would spread a JS array into a list of parameters). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * Each selected facet's condition on `assets` (a facet with nothing selected is absent). Partners never
 * filter by owner: they are not shown who owns an asset.
 */
export function facetConditions(actor: Actor, p: SearchParams): Partial<Record<FacetKey, SQL>> {
  const out: Partial<Record<FacetKey, SQL>> = {};
  if (p.stageIds.length) {
    out.stage = withAnyKey(p.stageIds);
  }
  if (p.types.length) out.type = inArray(assets.type, p.types);
  for (const [facet, field] of termFacets) {
    if (p[field].length) out[facet] = withAnyKey(p[field]);
  }
  if (p.ownerIds.length && seesInternalDetails(actor)) out.owner = inArray(assets.ownerId, p.ownerIds);
  if (p.freshness) out.freshness = freshnessCondition[p.freshness];
  return out;
}

/** Every selected facet's condition except `skip` (disjunctive faceting). */
export function otherFacets(conditions: Partial<Record<FacetKey, SQL>>, skip?: FacetKey): SQL[] {
  return facetKeys.filter((k) => k !== skip && conditions[k]).map((k) => conditions[k]!);
}
