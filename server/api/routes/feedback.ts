import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import {
  commentThreadSchema,
  feedbackSummarySchema,
  postCommentSchema,
  rateAssetSchema,
} from "@/lib/schemas/feedback";
import { listCommentThreads, mentionCandidates, postComment } from "@/server/feedback/asset-comments";
import { getAssetFeedbackSummary } from "@/server/feedback/feedback-stats";
import { rateAsset } from "@/server/feedback/rate-asset";
import { defineRoute } from "../define-route";
import { listRoute } from "../route-shapes";

export const getAssetFeedbackRoute = defineRoute({
  method: "GET",
  path: "/api/v1/assets/{id}/feedback",
  summary: "Helped / didn't help counts, open threads and your own rating of an asset",
  tag: "Feedback",
  permission: "assets.read",
  params: idParam,
  response: feedbackSummarySchema,
  errors: [404],
  handler: ({ actor, db, params }) => getAssetFeedbackSummary(db, actor, params.id),
});

export const rateAssetRoute = defineRoute({
  method: "POST",
  path: "/api/v1/assets/{id}/feedback",
  summary: "Rate an asset you used (one rating per person; posting again changes it)",
  tag: "Feedback",
  permission: "feedback.rate",
  params: idParam,
  body: rateAssetSchema,
  response: feedbackSummarySchema,
  errors: [404, 409],
  handler: async ({ actor, db, params, body }) => {
    await rateAsset(db, actor, params.id, body);
    return getAssetFeedbackSummary(db, actor, params.id);
  },
});

export const listAssetCommentsRoute = listRoute({
  path: "/api/v1/assets/{id}/comments",
  summary: "Comment and question threads on an asset (partners see only their own threads)",
  tag: "Feedback",
  permission: "assets.read",
  params: idParam,
  errors: [404],
  item: commentThreadSchema,
  list: ({ actor, db, params }) => listCommentThreads(db, actor, params.id),
});

export const listMentionableUsersRoute = listRoute({
  path: "/api/v1/assets/{id}/mentionable-users",
  summary:
    "People you may @mention in a comment on this asset (the values `mentionUserIds` takes), the owner first; `q` matches names",
  tag: "Feedback",
  permission: "feedback.comment",
  params: idParam,
  query: z.object({ q: z.string().max(100).default("") }),
  errors: [404],
  item: z.object({ id: z.uuid(), name: z.string() }),
  list: ({ actor, db, params, query }) => mentionCandidates(db, actor, params.id, query.q),
});

export const postAssetCommentRoute = defineRoute({
  method: "POST",
  path: "/api/v1/assets/{id}/comments",
  summary: "Comment, ask a question, or reply to a thread (parentId); mention people with @Name + their id",
  tag: "Feedback",
  permission: "feedback.comment",
  params: idParam,
  body: postCommentSchema,
  response: z.object({ id: z.uuid(), threadId: z.uuid(), mentionUserIds: z.array(z.uuid()) }),
  successStatus: 201,
  errors: [404],
  handler: async ({ actor, db, params, body }) => {
    const { comment, mentionedUserIds } = await postComment(db, actor, params.id, body);
    return { id: comment.id, threadId: comment.parentId ?? comment.id, mentionUserIds: mentionedUserIds };
  },
});
