"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  announcementInputSchema,
  followTargetSchema,
  markReadSchema,
  notificationSettingsSchema,
} from "@/lib/schemas/notifications";
import { authorizedAction } from "@/server/actions/action-client";
import { publishAnnouncement } from "./announcements";
import { countUnread, markNotificationsRead } from "./notification-queries";
import { runNotificationSweep } from "./notification-sweep";
import { follow, saveNotificationSettings, unfollow } from "./subscriptions";

export const markNotificationsReadAction = authorizedAction(
  null,
  markReadSchema,
  async ({ actor, db, input }) => {
    await markNotificationsRead(db, actor, input.ids);
    revalidatePath("/", "layout");
    return { unread: await countUnread(db, actor) };
  },
);

export const followAction = authorizedAction(
  "notifications.manage",
  z.object({ target: followTargetSchema, following: z.boolean() }),
  async ({ actor, db, input }) => {
    if (input.following) await follow(db, actor, input.target);
    else await unfollow(db, actor, input.target);
    revalidatePath("/settings/notifications");
    return { following: input.following };
  },
);

export const saveNotificationSettingsAction = authorizedAction(
  "notifications.manage",
  notificationSettingsSchema,
  async ({ actor, db, input }) => {
    await saveNotificationSettings(db, actor, input);
    revalidatePath("/", "layout");
    return input;
  },
);

export const publishAnnouncementAction = authorizedAction(
  "announcements.publish",
  announcementInputSchema,
  async ({ actor, db, input }) => {
    const announcement = await publishAnnouncement(db, actor, input);
    revalidatePath("/whats-new");
    return { id: announcement.id };
  },
);

/** Settings → Outgoing mail: send every pending digest of the workspace now, before its day or week is out. */
export const sendDueDigestsAction = authorizedAction(
  "settings.manage",
  z.object({}),
  async ({ actor, db }) => {
    const result = await runNotificationSweep(db, { workspaceId: actor.workspaceId, early: true });
    revalidatePath("/settings/outbox");
    return result;
  },
);
