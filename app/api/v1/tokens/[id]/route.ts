import { revokeToken } from "@/server/api/routes/tokens";

export const DELETE = revokeToken.handler;
