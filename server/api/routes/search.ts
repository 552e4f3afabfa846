import "server-only";
import { z } from "zod";
import {
  assetSearchQuerySchema,
  assetSearchResponseSchema,
  recordedFilters,
  searchClickSchema,
} from "@/lib/schemas/search";
import { recordSearchClick } from "@/server/search/search-analytics";
import { env } from "@/env";
import { searchAssets } from "@/server/search/search-assets";
import { defineRoute } from "../define-route";

export const searchAssetsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/assets",
  summary:
    "Search the assets you may see: words, facet filters (comma-separated values), sort, cursor pagination, facet counts",
  tag: "Assets",
  permission: "assets.read",
  query: assetSearchQuerySchema.extend({
    record: z
      .enum(["true", "false"])
      .default("true")
      .meta({ description: "false for as-you-type lookups, which are not searches for analytics" }),
    facets: z
      .enum(["true", "false"])
      .default("true")
      .meta({ description: "false to skip counting facets (as-you-type lookups); facets is then null" }),
  }),
  response: assetSearchResponseSchema,
  handler: async ({ actor, db, query, headers }) => {
    // Later pages continue the same search; only the first page is recorded.
    const record =
      query.cursor || query.record === "false"
        ? undefined
        : { query: query.q ?? "", filters: recordedFilters(query) };
    const result = await searchAssets(db, actor, query, {
      facets: query.facets !== "false",
      record,
      suggest: true,
    });
    const { cached, planned } = result.estimates;
    if (env.SERVER_TIMING === "on")
      headers.set("Server-Timing", `estimates;desc="cached ${cached} of ${cached + planned}"`);
    return {
      items: result.items,
      nextCursor: result.nextCursor,
      total: result.total,
      totalExact: result.totalExact,
      facets: result.facets,
      searchId: result.searchId,
      suggestions: result.suggestions,
    };
  },
});

export const recordSearchClickRoute = defineRoute({
  method: "POST",
  path: "/api/v1/search-clicks",
  summary: "Record that a result of one of your searches was opened",
  tag: "Assets",
  permission: "assets.read",
  body: searchClickSchema,
  response: z.object({ id: z.number().int() }),
  successStatus: 201,
  errors: [404],
  handler: async ({ actor, db, body }) => ({ id: await recordSearchClick(db, actor, body) }),
});
