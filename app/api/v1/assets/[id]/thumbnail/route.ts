import { assetThumbnailRoute } from "@/server/api/routes/assets";

export const GET = assetThumbnailRoute.handler;
