import { downloadAssetFile } from "@/server/api/routes/assets";

export const GET = downloadAssetFile.handler;
