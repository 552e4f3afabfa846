import { updateRequestRoute } from "@/server/api/routes/requests";

export const PATCH = updateRequestRoute.handler;
