import { updateUserRoute } from "@/server/api/routes/users";

export const PATCH = updateUserRoute.handler;
