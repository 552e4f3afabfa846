import { assetPreviewPageRoute } from "@/server/api/routes/assets";

export const GET = assetPreviewPageRoute.handler;
