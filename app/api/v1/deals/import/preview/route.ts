import { previewImportRoute } from "@/server/api/routes/deal-import";

export const POST = previewImportRoute.handler;
