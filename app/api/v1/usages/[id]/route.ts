import { deleteUsageRoute, updateUsageRoute } from "@/server/api/routes/usages";

export const PATCH = updateUsageRoute.handler;
export const DELETE = deleteUsageRoute.handler;
