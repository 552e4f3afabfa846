import { createDealUsageRoute, listDealUsagesRoute } from "@/server/api/routes/usages";

export const GET = listDealUsagesRoute.handler;
export const POST = createDealUsageRoute.handler;
