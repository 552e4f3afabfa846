import { getAssetFeedbackRoute, rateAssetRoute } from "@/server/api/routes/feedback";

export const GET = getAssetFeedbackRoute.handler;
export const POST = rateAssetRoute.handler;
