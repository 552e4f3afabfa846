import { getDealRoute, updateDealRoute } from "@/server/api/routes/deals";

export const GET = getDealRoute.handler;
export const PATCH = updateDealRoute.handler;
