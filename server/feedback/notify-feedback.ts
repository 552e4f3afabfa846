import "server-only";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { ratingReasonLabels, type RatingReason } from "@/lib/feedback";
import { notifyUsers } from "@/server/notifications/notify";

/** The asset a piece of feedback is about. */
interface FeedbackAsset {
  assetId: string;
  assetTitle: string;
  ownerId: string | null;
}

/** A feedback notice links to the asset and never goes to the person who gave the feedback. */
function notifyAboutAsset(
  tx: Database,
  actor: Actor,
  assetId: string,
  notice: { recipientIds: string[]; title: string; body: string; dedupeKey: string },
) {
  return notifyUsers(tx, {
    ...notice,
    workspaceId: actor.workspaceId,
    kind: "feedback",
    link: `/assets/${assetId}`,
    assetId,
    excludeUserId: actor.userId,
  });
}

/** A "didn't help" rating tells the asset's owner, with the reason; a "helped" one only counts. */
export async function notifyRating(
  tx: Database,
  actor: Actor,
  input: FeedbackAsset & {
    ratingId: string;
    helped: boolean;
    reason: RatingReason | null;
    reasonText: string;
  },
) {
  if (input.helped || !input.ownerId) return;
  const reason = input.reason ? ratingReasonLabels[input.reason] : "";
  await notifyAboutAsset(tx, actor, input.assetId, {
    recipientIds: [input.ownerId],
    title: `${actor.name}: “${input.assetTitle}” didn’t help`,
    body: [reason, input.reasonText].filter(Boolean).join(" — "),
    // Once per rater and reason: a retried or repeated rating does not notify again.
    dedupeKey: `rating:${input.ratingId}:${input.reason ?? "none"}`,
  });
}

/**
 * A comment tells the owner (new questions and comments, and replies in any thread on their asset), the
 * people it mentions, and, for a reply, whoever started the thread — never the person who wrote it.
 */
export async function notifyComment(
  tx: Database,
  actor: Actor,
  input: FeedbackAsset & {
    commentId: string;
    kind: "question" | "comment";
    isReply: boolean;
    body: string;
    mentionedUserIds: string[];
    threadAuthorId: string | null;
  },
) {
  const recipients = new Set<string>(input.mentionedUserIds);
  if (input.ownerId) recipients.add(input.ownerId);
  if (input.threadAuthorId) recipients.add(input.threadAuthorId);
  const what = input.isReply ? "replied on" : input.kind === "question" ? "asked about" : "commented on";
  await notifyAboutAsset(tx, actor, input.assetId, {
    recipientIds: [...recipients],
    title: `${actor.name} ${what} “${input.assetTitle}”`,
    body: input.body.slice(0, 280),
    dedupeKey: `comment:${input.commentId}`,
  });
}
