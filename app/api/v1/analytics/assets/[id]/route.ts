import { getAssetAnalyticsRoute } from "@/server/api/routes/analytics";

export const GET = getAssetAnalyticsRoute.handler;
