import { z } from "zod";
import { assetStatuses, assetTypes } from "@/lib/assets";
import { taxonomyKinds } from "@/lib/taxonomy";

export const searchSorts = ["relevance", "newest", "most_used", "most_effective"] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Windows are cumulative (30d is inside 90d is inside 1y); "older" is everything before a year ago. */
export const freshnessWindows = ["30d", "90d", "1y", "older"] as const;
export type Freshness = (typeof freshnessWindows)[number];

export const SEARCH_PAGE_MAX = 50;
const MAX_VALUES = 50;

const ids = z
  .array(z.uuid({ message: "must be a UUID" }))
  .max(MAX_VALUES)
  .default([]);

/**
 * What searchAssets and assetFacets take. Within one facet any value matches (OR); facets combine with AND.
 * Without q, "relevance" sorts like "newest".
 */
export const searchParamsSchema = z.object({
  q: z.string().trim().max(200).optional(),
  stageIds: ids,
  types: z.array(z.enum(assetTypes)).max(MAX_VALUES).default([]),
  productIds: ids,
  industryIds: ids,
  personaIds: ids,
  regionIds: ids,
  competitorIds: ids,
  ownerIds: ids,
  freshness: z.enum(freshnessWindows).optional(),
  sort: z.enum(searchSorts).default("relevance"),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
});

export type SearchInput = z.input<typeof searchParamsSchema>;
export type SearchParams = z.output<typeof searchParamsSchema>;

/** A comma-separated query parameter, e.g. stageIds=<uuid>,<uuid>. */
function commaList<T extends z.ZodType<unknown, string>>(item: T, description: string) {
  return z
    .string()
    .max(4000)
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(item).max(MAX_VALUES))
    .meta({ description: `${description}. Comma-separated; any value matches (OR), facets combine (AND)` });
}

const uuidList = (what: string) => commaList(z.uuid({ message: "must be a UUID" }), `${what} ids`);

/** GET /api/v1/assets query string: list filters are comma-separated values of one parameter each. */
export const assetSearchQuerySchema = z.object({
  q: z.string().trim().max(200).optional().meta({
    description:
      'Words to find; supports "quoted phrases", or, and -exclusion; the last word matches as a prefix',
  }),
  stageIds: uuidList("Buying stage"),
  types: commaList(z.enum(assetTypes), "Asset types"),
  productIds: uuidList("Product tag"),
  industryIds: uuidList("Industry tag"),
  personaIds: uuidList("Persona tag"),
  regionIds: uuidList("Region tag"),
  competitorIds: uuidList("Competitor tag"),
  ownerIds: uuidList("Owner user"),
  freshness: z
    .enum(freshnessWindows)
    .optional()
    .meta({ description: "Published (or created) within 30 days, 90 days, a year, or longer ago" }),
  sort: z.enum(searchSorts).default("relevance"),
  cursor: z.string().max(1000).optional().meta({ description: "nextCursor from the previous page" }),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(20),
});

export const searchItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    type: z.enum(assetTypes),
    status: z.enum(assetStatuses),
    description: z.string(),
    snippet: z.string().nullable().meta({
      description: "Matching text; the matched words are wrapped in « and » (plain text, never HTML)",
    }),
    stageIds: z.array(z.uuid()),
    tags: z.array(z.object({ id: z.uuid(), kind: z.enum(taxonomyKinds), name: z.string() })),
    ownerName: z.string().optional().meta({ description: "Not shown to partners" }),
    publishedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    usageCount: z.number().int().meta({ description: "Usages logged in the last 12 months" }),
    thumbnailUrl: z.string().nullable(),
  })
  .meta({ id: "SearchItem" });

const facetValue = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int().nullable().meta({
    description:
      "null when more than 1,000 assets match without this facet's own selection: narrow the search to see counts",
  }),
});

export const facetsSchema = z
  .object({
    stage: z.array(facetValue),
    type: z.array(facetValue),
    product: z.array(facetValue),
    industry: z.array(facetValue),
    persona: z.array(facetValue),
    region: z.array(facetValue),
    competitor: z.array(facetValue),
    owner: z.array(facetValue),
    freshness: z.array(facetValue),
  })
  .meta({
    id: "SearchFacets",
    description: "Counts per value under every other facet's filter (not its own), for what you may see",
  });

export const assetSearchResponseSchema = z
  .object({
    items: z.array(searchItemSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    totalExact: z.boolean().meta({
      description: "false when more than 1,000 assets match: total is then 1000, meaning 1,000 or more",
    }),
    facets: facetsSchema.nullable().meta({ description: "null when asked with facets=false" }),
    searchId: z.number().int().nullable().meta({
      description: "Send with POST /api/v1/search-clicks when a result is opened (first page only)",
    }),
    suggestions: z
      .array(z.object({ id: z.uuid(), title: z.string() }))
      .meta({ description: "Nearest titles when nothing matched" }),
  })
  .meta({ id: "AssetSearchResult" });

export const searchClickSchema = z
  .object({ searchId: z.number().int().positive(), assetId: z.uuid() })
  .meta({ id: "SearchClick" });
