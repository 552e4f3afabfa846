import { recordSearchClickRoute } from "@/server/api/routes/search";

export const POST = recordSearchClickRoute.handler;
