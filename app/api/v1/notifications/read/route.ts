import { markNotificationsReadRoute } from "@/server/api/routes/notifications";

export const POST = markNotificationsReadRoute.handler;
