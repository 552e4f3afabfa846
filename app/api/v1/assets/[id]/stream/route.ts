import { assetVideoStreamRoute } from "@/server/api/routes/assets";

export const GET = assetVideoStreamRoute.handler;
