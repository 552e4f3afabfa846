import { z } from "zod";
import { uniqueIds } from "./api-common";
import { commentKinds, ratingReasons } from "@/lib/feedback";

export const rateAssetSchema = z
  .object({
    helped: z.boolean(),
    reason: z.enum(ratingReasons).nullable().default(null),
    reasonText: z.string().trim().max(1000).default(""),
  })
  .refine((v) => v.helped || v.reason !== "other" || v.reasonText.length > 0, {
    path: ["reasonText"],
    message: "Say what was wrong",
  })
  .meta({ id: "RateAsset" });

export const feedbackSummarySchema = z
  .object({
    assetId: z.uuid(),
    helped: z.int(),
    notHelped: z.int(),
    openThreads: z.int(),
    myRating: z
      .object({
        helped: z.boolean(),
        reason: z.enum(ratingReasons).nullable(),
        reasonText: z.string(),
        updatedAt: z.iso.datetime(),
      })
      .nullable(),
  })
  .meta({ id: "AssetFeedback" });

export const postCommentSchema = z
  .object({
    body: z.string().trim().min(1, "Write something").max(4000),
    kind: z.enum(commentKinds).default("comment"),
    parentId: z.uuid().optional().meta({ description: "Reply to this thread (its first comment's id)" }),
    mentionUserIds: uniqueIds().max(20).default([]),
  })
  .meta({ id: "PostComment" });

const commentFields = {
  id: z.uuid(),
  authorId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  mentionUserIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
};

export const commentSchema = z.object(commentFields).meta({ id: "AssetComment" });

export const commentThreadSchema = z
  .object({
    ...commentFields,
    kind: z.enum(commentKinds),
    resolvedAt: z.iso.datetime().nullable(),
    replies: z.array(commentSchema),
  })
  .meta({ id: "AssetCommentThread" });
