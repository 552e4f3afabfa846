import { createAsset } from "@/server/api/routes/assets";
import { searchAssetsRoute } from "@/server/api/routes/search";

export const GET = searchAssetsRoute.handler;
export const POST = createAsset.handler;
