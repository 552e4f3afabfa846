import { importDealsRoute } from "@/server/api/routes/deal-import";

export const POST = importDealsRoute.handler;
