import { createAsset } from "@/server/api/routes/assets";

export const POST = createAsset.handler;
