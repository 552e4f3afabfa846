import "server-only";
import { z } from "zod";
import { assetAnalyticsQuerySchema, assetAnalyticsSchema } from "@/lib/schemas/analytics";
import { listAssetAnalytics } from "@/server/analytics/asset-analytics";
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
