import { getAsset, updateAssetRoute } from "@/server/api/routes/assets";

export const GET = getAsset.handler;
export const PATCH = updateAssetRoute.handler;
