import { z } from "zod";
import { uniqueIds } from "./api-common";
import { assetTypes } from "@/lib/assets";
import { digestFrequencies, notificationKinds } from "@/lib/notifications";

/** Exactly one thing to follow: a buying stage, a tag (product, industry…), an asset type or one asset. */
export const followTargetSchema = z.union([
  z.object({ stageId: z.uuid() }).strict(),
  z.object({ termId: z.uuid() }).strict(),
  z.object({ assetType: z.enum(assetTypes) }).strict(),
  z.object({ assetId: z.uuid() }).strict(),
]);
export type FollowTarget = z.infer<typeof followTargetSchema>;

export const notificationSettingsSchema = z.object({
  digest: z.enum(digestFrequencies),
  mutedKinds: z.array(z.enum(notificationKinds)).max(notificationKinds.length),
});

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(notificationKinds),
    title: z.string(),
    body: z.string(),
    link: z.string().meta({ description: "Path inside Baton, e.g. /assets/<id>" }),
    itemCount: z.number().int().meta({ description: "Above 1: updates folded into this entry" }),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Notification" });

export const markReadSchema = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Entries to mark read; omit to mark every entry read" }),
  })
  .meta({ id: "MarkNotificationsRead" });

export const announcementInputSchema = z
  .object({
    title: z.string().trim().min(3, "Give it a title").max(200),
    fieldNote: z.string().trim().min(3, "Tell the field how to use it").max(2000),
    includeReps: z.boolean(),
    minPartnerTierId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
    assetIds: uniqueIds().max(20).default([]),
  })
  .refine((v) => v.includeReps || v.minPartnerTierId, {
    message: "Choose who receives it",
    path: ["includeReps"],
  });
