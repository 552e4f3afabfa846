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

/**
 * Every filter a search takes, each declared once: the value one entry may hold, and what it means. The
 * function-call form (searchParamsSchema: arrays) and the URL form (assetSearchQuerySchema: one
 * comma-separated parameter per filter, for the API and the search page) are both built from it, and so is
 * the shape a search is recorded in (recordedFilters).
 */
const uuid = z.uuid({ message: "must be a UUID" });
const filterFields = {
  stageIds: { item: uuid, description: "Buying stage ids" },
  types: { item: z.enum(assetTypes), description: "Asset types" },
  productIds: { item: uuid, description: "Product tag ids" },
  industryIds: { item: uuid, description: "Industry tag ids" },
  personaIds: { item: uuid, description: "Persona tag ids" },
  regionIds: { item: uuid, description: "Region tag ids" },
  competitorIds: { item: uuid, description: "Competitor tag ids" },
  ownerIds: { item: uuid, description: "Owner user ids" },
} as const;
type FilterField = keyof typeof filterFields;
type Item<K extends FilterField> = (typeof filterFields)[K]["item"];
type CommaList<T extends z.ZodType> = z.ZodPipe<
  z.ZodPipe<z.ZodOptional<z.ZodString>, z.ZodTransform<string[], string | undefined>>,
  z.ZodArray<T>
>;

export const searchFilterFields = Object.keys(filterFields) as FilterField[];

/** One schema per filter, made from its declaration (the mapped types keep each filter's own item type). */
function mapFields<Shape>(
  make: (field: { item: z.ZodType<unknown, string>; description: string }) => z.ZodType,
) {
  return Object.fromEntries(searchFilterFields.map((k) => [k, make(filterFields[k])])) as Shape;
}

/** A comma-separated query parameter, e.g. stageIds=<uuid>,<uuid>: trimmed, duplicates dropped. */
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

const q = z.string().trim().max(200).optional();
const freshness = z.enum(freshnessWindows).optional();
const sort = z.enum(searchSorts).default("relevance");
const cursor = z.string().max(1000).optional();
const limit = z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(20);

/**
 * What searchAssets and assetFacets take. Within one facet any value matches (OR); facets combine with AND.
 * Without q, "relevance" sorts like "newest".
 */
export const searchParamsSchema = z.object({
  q,
  ...mapFields<{ [K in FilterField]: z.ZodDefault<z.ZodArray<Item<K>>> }>((f) =>
    z.array(f.item).max(MAX_VALUES).default([]),
  ),
  freshness,
  sort,
  cursor,
  limit,
});

export type SearchInput = z.input<typeof searchParamsSchema>;
export type SearchParams = z.output<typeof searchParamsSchema>;

/** GET /api/v1/assets and /search query strings: list filters are comma-separated values of one parameter each. */
export const assetSearchQuerySchema = z.object({
  q: q.meta({
    description:
      'Words to find; supports "quoted phrases", or, and -exclusion; the last word matches as a prefix',
  }),
  ...mapFields<{ [K in FilterField]: CommaList<Item<K>> }>((f) => commaList(f.item, f.description)),
  freshness: freshness.meta({
    description: "Published (or created) within 30 days, 90 days, a year, or longer ago",
  }),
  sort,
  cursor: cursor.meta({ description: "nextCursor from the previous page" }),
  limit,
});

/**
 * How a search's filters are stored with its event (activity_events.filters), whichever door it came
 * through: only the filters chosen, lists as arrays, never the words, sort or page.
 */
export type RecordedFilters = Partial<Record<FilterField, string[]>> & { freshness?: Freshness };

export function recordedFilters(params: Pick<SearchParams, FilterField | "freshness">): RecordedFilters {
  const chosen: RecordedFilters = {};
  for (const field of searchFilterFields) if (params[field].length) chosen[field] = [...params[field]];
  if (params.freshness) chosen.freshness = params.freshness;
  return chosen;
}

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
