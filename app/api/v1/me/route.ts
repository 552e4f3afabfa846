import { getMe } from "@/server/api/routes/me";

export const GET = getMe.handler;
