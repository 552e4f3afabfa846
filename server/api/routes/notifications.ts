import "server-only";
import { z } from "zod";
import { markReadSchema, notificationSchema } from "@/lib/schemas/notifications";
import {
  countUnread,
  listNotifications,
  markNotificationsRead,
} from "@/server/notifications/notification-queries";
import { defineRoute } from "../define-route";

export const listNotificationsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/notifications",
  summary: "Your notification centre, newest first, with the unread count",
  tag: "Notifications",
  response: z.object({ unread: z.number().int(), data: z.array(notificationSchema) }),
  handler: async ({ actor, db }) => ({
    unread: await countUnread(db, actor),
    data: await listNotifications(db, actor),
  }),
});

export const markNotificationsReadRoute = defineRoute({
  method: "POST",
  path: "/api/v1/notifications/read",
  summary: "Mark the given notifications (or, without ids, all of them) read",
  tag: "Notifications",
  body: markReadSchema,
  response: z.object({ marked: z.number().int(), unread: z.number().int() }),
  handler: async ({ actor, db, body }) => {
    const marked = await markNotificationsRead(db, actor, body.ids);
    return { marked, unread: await countUnread(db, actor) };
  },
});
