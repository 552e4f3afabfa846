"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { postCommentSchema, rateAssetSchema } from "@/lib/schemas/feedback";
import { authorizedAction } from "@/server/actions/action-client";
import { mentionCandidates, postComment, setThreadResolved } from "./asset-comments";
import { acknowledgeRatings, rateAsset } from "./rate-asset";

export const rateAssetAction = authorizedAction(
  "feedback.rate",
  z.object({ assetId: z.uuid(), rating: rateAssetSchema }),
  async ({ actor, db, input }) => {
    const { rating } = await rateAsset(db, actor, input.assetId, input.rating);
    revalidatePath(`/assets/${input.assetId}`);
    return { helped: rating.helped };
  },
);

export const postCommentAction = authorizedAction(
  "feedback.comment",
  z.object({ assetId: z.uuid(), comment: postCommentSchema }),
  async ({ actor, db, input }) => {
    const { comment } = await postComment(db, actor, input.assetId, input.comment);
    revalidatePath(`/assets/${input.assetId}`);
    return { id: comment.id };
  },
);

export const resolveThreadAction = authorizedAction(
  "feedback.manage",
  z.object({ assetId: z.uuid(), threadId: z.uuid(), resolved: z.boolean() }),
  async ({ actor, db, input }) => {
    await setThreadResolved(db, actor, input.threadId, input.resolved);
    revalidatePath(`/assets/${input.assetId}`);
    revalidatePath("/content/attention");
    return { resolved: input.resolved };
  },
);

export const acknowledgeRatingsAction = authorizedAction(
  "feedback.manage",
  z.object({ assetId: z.uuid() }),
  async ({ actor, db, input }) => {
    const result = await acknowledgeRatings(db, actor, input.assetId);
    revalidatePath(`/assets/${input.assetId}`);
    revalidatePath("/content/attention");
    return result;
  },
);

export const mentionCandidatesAction = authorizedAction(
  "feedback.comment",
  z.object({ assetId: z.uuid(), q: z.string().max(100) }),
  ({ actor, db, input }) => mentionCandidates(db, actor, input.assetId, input.q),
);
