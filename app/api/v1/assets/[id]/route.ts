import { getAsset } from "@/server/api/routes/assets";

export const GET = getAsset.handler;
