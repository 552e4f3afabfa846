import { listMentionableUsersRoute } from "@/server/api/routes/feedback";

export const GET = listMentionableUsersRoute.handler;
