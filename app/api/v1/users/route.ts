import { createUserRoute, listUsersRoute } from "@/server/api/routes/users";

export const GET = listUsersRoute.handler;
export const POST = createUserRoute.handler;
