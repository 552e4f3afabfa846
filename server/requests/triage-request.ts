import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assets, contentRequestVotes, contentRequests } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { canMoveRequest, requestStatusLabels, type RequestStatus } from "@/lib/requests";
import type { updateRequestSchema } from "@/lib/schemas/requests";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, requestVisibility } from "@/server/authz/visibility";
import { notifyRequestUpdate } from "@/server/notifications/notify";

type Patch = z.infer<typeof updateRequestSchema>;

/**
 * The one gate for request moves: the move must be in the state machine (lib/requests.ts) and carry what
 * it needs: a reason to decline, the answering asset to deliver, another open request to merge into.
 */
export function assertRequestMove(
  from: RequestStatus,
  to: RequestStatus,
  needs: { declineReason?: string; deliveredAssetId?: string; mergeIntoId?: string },
) {
  if (!canMoveRequest(from, to)) {
    throw new AppError(
      "conflict",
      `A request cannot move from ${requestStatusLabels[from]} to ${requestStatusLabels[to]}`,
    );
  }
  const missing = (field: string, message: string) =>
    new AppError("validation_failed", message, { fieldErrors: { [field]: [message] } });
  if (to === "declined" && !needs.declineReason?.trim())
    throw missing("declineReason", "Say why it is declined");
  if (to === "delivered" && !needs.deliveredAssetId)
    throw missing("deliveredAssetId", "Choose the asset that answers it");
  if (to === "merged" && !needs.mergeIntoId) throw missing("mergeIntoId", "Choose the request it duplicates");
}

async function lockVisible(tx: Database, actor: Actor, id: string) {
  const [row] = await tx
    .select()
    .from(contentRequests)
    .where(and(eq(contentRequests.id, id), requestVisibility(actor)))
    .for("update");
  if (!row) throw notFound("Request not found");
  return row;
}

/** Moves a request through triage (or merges it into another), audited, and tells requester and voters. */
export async function updateRequest(db: Database, actor: Actor, id: string, patch: Patch) {
  return db.transaction(async (tx) => {
    const request = await lockVisible(tx, actor, id);
    if (patch.mergeIntoId) return mergeInto(tx, actor, request, patch.mergeIntoId);
    const to = patch.status!;
    assertRequestMove(request.status, to, patch);
    let assetTitle: string | undefined;
    if (to === "delivered") {
      const [asset] = await tx
        .select({ id: assets.id, title: assets.title, status: assets.status })
        .from(assets)
        .where(and(eq(assets.id, patch.deliveredAssetId!), assetVisibility(actor)));
      if (!asset) throw notFound("Asset not found");
      if (asset.status !== "published") {
        throw new AppError("validation_failed", "Publish the asset before delivering it", {
          fieldErrors: { deliveredAssetId: ["Publish the asset before delivering it"] },
        });
      }
      assetTitle = asset.title;
    }
    await tx
      .update(contentRequests)
      .set({
        status: to,
        declineReason: to === "declined" ? patch.declineReason!.trim() : null,
        deliveredAssetId: to === "delivered" ? patch.deliveredAssetId! : null,
        updatedAt: sql`now()`,
      })
      .where(eq(contentRequests.id, id));
    await recordActorAudit(tx, actor, `request.${to}`, id, {
      from: request.status,
      to,
      declineReason: patch.declineReason,
      assetId: patch.deliveredAssetId,
    });
    await notifyRequestUpdate(tx, {
      requestId: id,
      actorId: actor.userId,
      ...messageFor(to, request.title, { reason: patch.declineReason, assetTitle }),
      assetId: to === "delivered" ? patch.deliveredAssetId : undefined,
    });
    return { status: to };
  });
}

function messageFor(to: RequestStatus, title: string, x: { reason?: string; assetTitle?: string }) {
  switch (to) {
    case "delivered":
      return {
        title: `Delivered: ${title}`,
        body: `Marketing answered it with “${x.assetTitle}”.`,
        bodyWithoutAsset: "Marketing answered it with content that is not shared with you.",
      };
    case "declined":
      return { title: `Declined: ${title}`, body: `Reason: ${x.reason?.trim()}` };
    case "accepted":
      return { title: `Accepted: ${title}`, body: "Marketing will create this content." };
    case "in_progress":
      return { title: `In progress: ${title}`, body: "Marketing started work on it." };
    default:
      return { title: `${requestStatusLabels[to]}: ${title}`, body: "" };
  }
}

/**
 * Folds a duplicate into another request: its requester and voters become voters of the other one, so its
 * demand is counted there, and they are told where it went. Partner orgs' requests only merge within the
 * same org, so nobody loses sight of what they asked for.
 */
async function mergeInto(
  tx: Database,
  actor: Actor,
  duplicate: typeof contentRequests.$inferSelect,
  targetId: string,
) {
  if (targetId === duplicate.id) {
    throw new AppError("validation_failed", "A request cannot be merged into itself", {
      fieldErrors: { mergeIntoId: ["Choose another request"] },
    });
  }
  assertRequestMove(duplicate.status, "merged", { mergeIntoId: targetId });
  const target = await lockVisible(tx, actor, targetId);
  if (target.status === "merged" || target.status === "declined") {
    throw new AppError("conflict", "Merge into an open or delivered request");
  }
  if (target.partnerOrgId !== duplicate.partnerOrgId) {
    throw new AppError("conflict", "Requests from different partner organisations cannot be merged");
  }
  await tx.execute(sql`
    insert into ${contentRequestVotes} (request_id, user_id, created_at)
    select ${targetId}, user_id, created_at from ${contentRequestVotes} where request_id = ${duplicate.id}
    on conflict do nothing`);
  await tx
    .update(contentRequests)
    .set({ status: "merged", mergedIntoId: targetId, updatedAt: sql`now()` })
    .where(eq(contentRequests.id, duplicate.id));
  await tx
    .update(contentRequests)
    .set({ updatedAt: sql`now()` })
    .where(eq(contentRequests.id, targetId));
  await recordActorAudit(tx, actor, "request.merged", duplicate.id, {
    from: duplicate.status,
    into: targetId,
  });
  await notifyRequestUpdate(tx, {
    requestId: duplicate.id,
    actorId: actor.userId,
    title: `Merged: ${duplicate.title}`,
    body: `It asks for the same as “${target.title}”; your vote now counts there.`,
  });
  return { status: "merged" as const };
}

/** "Me too": adds the actor's vote (once) to a request they may see that is still open. */
export async function voteForRequest(db: Database, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const request = await lockVisible(tx, actor, id);
    if (request.status === "merged" || request.status === "declined" || request.status === "delivered") {
      throw new AppError("conflict", `This request is ${requestStatusLabels[request.status].toLowerCase()}`);
    }
    const added = await tx
      .insert(contentRequestVotes)
      .values({ requestId: id, userId: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (added.length) {
      await recordActorAudit(tx, actor, "request.voted", id);
    }
    const [{ votes }] = (await tx
      .select({ votes: sql<number>`count(*)::int` })
      .from(contentRequestVotes)
      .where(eq(contentRequestVotes.requestId, id))) as [{ votes: number }];
    return { votes, voted: true };
  });
}
