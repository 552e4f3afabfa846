import { listNotificationsRoute } from "@/server/api/routes/notifications";

export const GET = listNotificationsRoute.handler;
