import "server-only";
import { notifyComment } from "./notify-feedback";
import { and, asc, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetCommentMentions, assetComments, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { mentionsIn } from "@/lib/feedback";
import type { postCommentSchema } from "@/lib/schemas/feedback";
import { containsPattern } from "@/lib/sql-like";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { actorCan } from "@/server/authz/permissions";
import { commentThreadVisibility, mentionableUsers } from "@/server/authz/visibility";
import { getFeedbackAssetOrThrow } from "./feedback-access";

export type PostCommentInput = z.infer<typeof postCommentSchema>;

/** People the actor may @mention on this asset, matching a name prefix or word. */
export async function mentionCandidates(db: Database, actor: Actor, assetId: string, q: string) {
  const asset = await getFeedbackAssetOrThrow(db, actor, assetId);
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(mentionableUsers(actor, asset), q ? ilike(users.name, containsPattern(q)) : undefined))
    .orderBy(sql`${users.id} = ${asset.ownerId} desc`, asc(users.name))
    .limit(8);
}

/**
 * Adds a comment or question to an asset, or a reply to a thread the actor can see. Mentions are kept
 * only for people the actor may mention whose "@Name" is still in the text. Returns who should hear
 * about it: the asset's owner, the people mentioned, and (for a reply) the thread's author.
 */
export async function postComment(db: Database, actor: Actor, assetId: string, input: PostCommentInput) {
  return db.transaction(async (tx) => {
    const asset = await getFeedbackAssetOrThrow(tx, actor, assetId);
    let threadAuthorId: string | null = null;
    if (input.parentId) {
      const [parent] = await tx
        .select()
        .from(assetComments)
        .where(
          and(
            eq(assetComments.id, input.parentId),
            eq(assetComments.assetId, assetId),
            isNull(assetComments.parentId),
            commentThreadVisibility(actor, assetComments.authorId),
          ),
        );
      if (!parent) throw notFound("Thread not found");
      threadAuthorId = parent.authorId;
    }
    const requested = [...new Set(input.mentionUserIds)];
    const allowed = requested.length
      ? await tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(inArray(users.id, requested), mentionableUsers(actor, asset)))
      : [];
    if (allowed.length < requested.length) {
      throw new AppError("validation_failed", "You cannot mention that person here", {
        fieldErrors: { mentionUserIds: ["You cannot mention that person here"] },
      });
    }
    const mentioned = mentionsIn(input.body, allowed);
    const [comment] = await tx
      .insert(assetComments)
      .values({
        workspaceId: actor.workspaceId,
        assetId,
        parentId: input.parentId ?? null,
        authorId: actor.userId,
        kind: input.parentId ? "comment" : input.kind,
        body: input.body,
      })
      .returning();
    if (mentioned.length) {
      await tx
        .insert(assetCommentMentions)
        .values(mentioned.map((userId) => ({ commentId: comment!.id, userId })));
    }
    if (input.parentId && threadAuthorId === actor.userId) {
      // The asker following up reopens their thread for the owner.
      await tx
        .update(assetComments)
        .set({ resolvedAt: null, resolvedById: null })
        .where(eq(assetComments.id, input.parentId));
    }
    await recordActorAudit(
      tx,
      actor,
      input.parentId ? "asset.comment_replied" : "asset.commented",
      comment!.id,
      { assetId, parentId: input.parentId ?? null, mentioned },
    );
    await notifyComment(tx, actor, {
      assetId,
      assetTitle: asset.title,
      ownerId: asset.ownerId,
      commentId: comment!.id,
      kind: comment!.kind,
      isReply: Boolean(input.parentId),
      body: input.body,
      mentionedUserIds: mentioned,
      threadAuthorId,
    });
    return {
      comment: comment!,
      assetOwnerId: asset.ownerId,
      assetTitle: asset.title,
      mentionedUserIds: mentioned,
      threadAuthorId,
    };
  });
}

/** Threads on an asset the actor can see, oldest first, each with its replies and mentions. */
export async function listCommentThreads(db: Database, actor: Actor, assetId: string) {
  await getFeedbackAssetOrThrow(db, actor, assetId);
  const root = alias(assetComments, "root");
  const rows = await db
    .select({ comment: assetComments, authorName: users.name })
    .from(assetComments)
    .innerJoin(root, eq(root.id, sql`coalesce(${assetComments.parentId}, ${assetComments.id})`))
    .innerJoin(users, eq(users.id, assetComments.authorId))
    .where(and(eq(assetComments.assetId, assetId), commentThreadVisibility(actor, root.authorId)))
    .orderBy(asc(assetComments.createdAt), asc(assetComments.id));
  const mentionRows = rows.length
    ? await db
        .select()
        .from(assetCommentMentions)
        .where(
          inArray(
            assetCommentMentions.commentId,
            rows.map((r) => r.comment.id),
          ),
        )
    : [];
  const mentionsOf = (id: string) => mentionRows.filter((m) => m.commentId === id).map((m) => m.userId);
  const base = (r: (typeof rows)[number]) => ({
    id: r.comment.id,
    authorId: r.comment.authorId,
    authorName: r.authorName,
    body: r.comment.body,
    mentionUserIds: mentionsOf(r.comment.id),
    createdAt: r.comment.createdAt.toISOString(),
  });
  const threads = rows
    .filter((r) => !r.comment.parentId)
    .map((r) => ({
      ...base(r),
      kind: r.comment.kind,
      resolvedAt: r.comment.resolvedAt?.toISOString() ?? null,
      replies: rows.filter((x) => x.comment.parentId === r.comment.id).map(base),
    }));
  return threads;
}

/** The owner or a marketer marks a thread dealt with (or reopens it). */
export async function setThreadResolved(db: Database, actor: Actor, threadId: string, resolved: boolean) {
  if (!actorCan(actor, "feedback.manage")) throw new AppError("forbidden", "Your role does not allow this");
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .select()
      .from(assetComments)
      .where(and(eq(assetComments.id, threadId), isNull(assetComments.parentId)));
    if (!thread || thread.workspaceId !== actor.workspaceId) throw notFound("Thread not found");
    await getFeedbackAssetOrThrow(tx, actor, thread.assetId);
    const [updated] = await tx
      .update(assetComments)
      .set(
        resolved
          ? { resolvedAt: sql`now()`, resolvedById: actor.userId }
          : { resolvedAt: null, resolvedById: null },
      )
      .where(eq(assetComments.id, threadId))
      .returning();
    await recordActorAudit(
      tx,
      actor,
      resolved ? "asset.thread_resolved" : "asset.thread_reopened",
      threadId,
      { assetId: thread.assetId },
    );
    return updated!;
  });
}
