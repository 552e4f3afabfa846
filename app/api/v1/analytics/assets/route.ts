import { listAssetAnalyticsRoute } from "@/server/api/routes/analytics";

export const GET = listAssetAnalyticsRoute.handler;
