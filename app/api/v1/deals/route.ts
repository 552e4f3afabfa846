import { createDealRoute, listDealsRoute } from "@/server/api/routes/deals";

export const GET = listDealsRoute.handler;
export const POST = createDealRoute.handler;
