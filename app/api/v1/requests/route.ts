import { createRequestRoute, listRequestsRoute } from "@/server/api/routes/requests";

export const GET = listRequestsRoute.handler;
export const POST = createRequestRoute.handler;
