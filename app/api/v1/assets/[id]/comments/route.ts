import { listAssetCommentsRoute, postAssetCommentRoute } from "@/server/api/routes/feedback";

export const GET = listAssetCommentsRoute.handler;
export const POST = postAssetCommentRoute.handler;
