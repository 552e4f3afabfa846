import { upsertExternalDealRoute } from "@/server/api/routes/deals";

export const PUT = upsertExternalDealRoute.handler;
