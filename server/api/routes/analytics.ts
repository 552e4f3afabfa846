import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import {
  analyticsFiltersSchema,
  assetAnalyticsDetailSchema,
  assetAnalyticsQuerySchema,
  assetAnalyticsSchema,
} from "@/lib/schemas/analytics";
import { notFound } from "@/lib/errors";
import { getAssetAnalytics, listAssetAnalytics } from "@/server/analytics/asset-analytics";
import { defineRoute } from "../define-route";

export const listAssetAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/assets",
  summary:
    "Usage and effectiveness per asset (win rate of closed deals that used it vs comparable deals that did not), " +
    "the same numbers as the analytics dashboard",
  tag: "Analytics",
  permission: "analytics.read",
  query: assetAnalyticsQuerySchema,
  response: z.object({ data: z.array(assetAnalyticsSchema), total: z.number().int() }),
  handler: async ({ actor, db, query }) => {
    const { sort, limit, ...filters } = query;
    const rows = await listAssetAnalytics(db, actor.workspaceId, filters, sort);
    return { data: rows.slice(0, limit), total: rows.length };
  },
});

export const getAssetAnalyticsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/analytics/assets/{id}",
  summary:
    "One asset's usage and effectiveness, overall and at each stage it was used at, and what buyers did with it " +
    "in rooms (rooms shared in, share opened, median read time, page drop-off, win rate engaged vs not opened)",
  tag: "Analytics",
  permission: "analytics.read",
  params: idParam,
  query: analyticsFiltersSchema,
  response: assetAnalyticsDetailSchema,
  errors: [404],
  handler: async ({ actor, db, params, query }) => {
    const detail = await getAssetAnalytics(db, actor.workspaceId, params.id, query);
    if (!detail) throw notFound("Asset not found");
    return detail;
  },
});
