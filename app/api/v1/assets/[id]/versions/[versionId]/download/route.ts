import { downloadAssetVersionRoute } from "@/server/api/routes/assets";

export const GET = downloadAssetVersionRoute.handler;
