import { addAssetVersionRoute } from "@/server/api/routes/assets";

export const POST = addAssetVersionRoute.handler;
