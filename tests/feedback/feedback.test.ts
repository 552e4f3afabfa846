import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetRatings, auditLog } from "@/db/schema";
import {
  listCommentThreads,
  mentionCandidates,
  postComment,
  setThreadResolved,
} from "@/server/feedback/asset-comments";
import { countOpenFeedback, feedbackNeedingAttention } from "@/server/feedback/feedback-attention";
import { feedbackCountsByAsset, getAssetFeedbackSummary } from "@/server/feedback/feedback-stats";
import { acknowledgeRatings, rateAsset } from "@/server/feedback/rate-asset";
import { createTestDatabase } from "../support/test-db";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const noReason = { reason: null, reasonText: "" };

describe("ratings", () => {
  it("keeps one rating per person, changeable, and counts helped / didn't help", async () => {
    const asset = await createTestAsset(handle.db, ws, { partnerAccess: "all" });
    const rep = await ws.actor(ws.people.rep);
    const otherRep = await ws.actor(ws.people.otherRep);
    const partner = await ws.actor(ws.people.partnerLow);

    const first = await rateAsset(handle.db, rep, asset.id, { helped: true, ...noReason });
    expect(first.assetOwnerId).toBe(ws.people.marketer.id);
    await rateAsset(handle.db, rep, asset.id, {
      helped: false,
      reason: "outdated",
      reasonText: "2023 pricing",
    });
    await rateAsset(handle.db, otherRep, asset.id, { helped: true, ...noReason });
    await rateAsset(handle.db, partner, asset.id, {
      helped: true,
      reason: "too_long",
      reasonText: "ignored",
    });

    const rows = await handle.db.select().from(assetRatings).where(eq(assetRatings.assetId, asset.id));
    expect(rows).toHaveLength(3);
    const summary = await getAssetFeedbackSummary(handle.db, rep, asset.id);
    expect(summary).toMatchObject({
      helped: 2,
      notHelped: 1,
      myRating: { helped: false, reason: "outdated", reasonText: "2023 pricing" },
    });
    // A "helped" rating carries no reason.
    expect((await getAssetFeedbackSummary(handle.db, partner, asset.id)).myRating).toMatchObject({
      helped: true,
      reason: null,
      reasonText: "",
    });
    expect(await feedbackCountsByAsset(handle.db, ws.workspace.id, [asset.id])).toEqual([
      { assetId: asset.id, helped: 2, notHelped: 1 },
    ]);
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, asset.id), eq(auditLog.action, "asset.rated")));
    expect(audits).toHaveLength(4);
  });

  it("refuses ratings on assets the rater cannot see", async () => {
    const internal = await createTestAsset(handle.db, ws, { partnerAccess: "none" });
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    const partner = await ws.actor(ws.people.partnerLow);
    const rep = await ws.actor(ws.people.rep);
    await expect(
      rateAsset(handle.db, partner, internal.id, { helped: true, ...noReason }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(rateAsset(handle.db, rep, draft.id, { helped: true, ...noReason })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("comments, mentions and the owner's attention", () => {
  it("threads questions with replies, keeps partners to their own threads, and resolves", async () => {
    const asset = await createTestAsset(handle.db, ws, { partnerAccess: "all" });
    const rep = await ws.actor(ws.people.rep);
    const partner = await ws.actor(ws.people.partnerHigh);
    const marketer = await ws.actor(ws.people.marketer);
    const owner = ws.people.marketer;

    const question = await postComment(handle.db, rep, asset.id, {
      body: `@${owner.name} is there a version for hospitals?`,
      kind: "question",
      mentionUserIds: [owner.id],
    });
    expect(question).toMatchObject({
      assetOwnerId: owner.id,
      mentionedUserIds: [owner.id],
      threadAuthorId: null,
    });
    const partnerNote = await postComment(handle.db, partner, asset.id, {
      body: "Customers loved page 2",
      kind: "comment",
      mentionUserIds: [],
    });
    const reply = await postComment(handle.db, marketer, asset.id, {
      body: `@${ws.people.rep.name} yes, next week`,
      kind: "comment",
      parentId: question.comment.id,
      mentionUserIds: [ws.people.rep.id],
    });
    expect(reply.threadAuthorId).toBe(ws.people.rep.id);

    const internalView = await listCommentThreads(handle.db, rep, asset.id);
    expect(internalView.map((t) => [t.kind, t.replies.length])).toEqual([
      ["question", 1],
      ["comment", 0],
    ]);
    expect(internalView[0]!.replies[0]).toMatchObject({
      authorName: owner.name,
      mentionUserIds: [ws.people.rep.id],
    });
    const partnerView = await listCommentThreads(handle.db, partner, asset.id);
    expect(partnerView.map((t) => t.id)).toEqual([partnerNote.comment.id]);
    // A partner cannot reply in, or mention anyone but the owner from, someone else's thread.
    await expect(
      postComment(handle.db, partner, asset.id, {
        body: "me too",
        kind: "comment",
        parentId: question.comment.id,
        mentionUserIds: [],
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      postComment(handle.db, partner, asset.id, {
        body: `@${ws.people.rep.name} hi`,
        kind: "comment",
        mentionUserIds: [ws.people.rep.id],
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect((await mentionCandidates(handle.db, partner, asset.id, "")).map((u) => u.id)).toEqual([owner.id]);
    const internalCandidates = await mentionCandidates(handle.db, rep, asset.id, "");
    expect(internalCandidates[0]!.id).toBe(owner.id);
    expect(internalCandidates.some((u) => u.id === ws.people.partnerLow.id)).toBe(false);

    // Two open threads from others reach the owner; resolving one leaves one.
    const before = await countOpenFeedback(handle.db, marketer);
    await setThreadResolved(handle.db, marketer, question.comment.id, true);
    expect(await countOpenFeedback(handle.db, marketer)).toBe(before - 1);
    await expect(setThreadResolved(handle.db, rep, partnerNote.comment.id, true)).rejects.toMatchObject({
      code: "forbidden",
    });
    // The asker following up reopens the thread.
    await postComment(handle.db, rep, asset.id, {
      body: "Thanks! And for clinics?",
      kind: "comment",
      parentId: question.comment.id,
      mentionUserIds: [],
    });
    expect(await countOpenFeedback(handle.db, marketer)).toBe(before);
  });

  it("shows owners new feedback in Needs attention until read", async () => {
    const asset = await createTestAsset(handle.db, ws, { title: "Attention-worthy battlecard" });
    const rep = await ws.actor(ws.people.rep);
    const marketer = await ws.actor(ws.people.marketer);
    const before = await countOpenFeedback(handle.db, marketer);

    await rateAsset(handle.db, rep, asset.id, { helped: false, reason: "missing_data", reasonText: "" });
    await postComment(handle.db, rep, asset.id, {
      body: "Where is the EMEA data?",
      kind: "question",
      mentionUserIds: [],
    });
    expect(await countOpenFeedback(handle.db, marketer)).toBe(before + 2);
    const section = await feedbackNeedingAttention(handle.db, marketer, { acrossOwners: false });
    expect(section.items.find((i) => i.id === asset.id)).toMatchObject({
      title: "Attention-worthy battlecard",
      openThreads: 1,
      openQuestions: 1,
      newNotHelped: 1,
    });
    // Another rep's view counts nothing: the badge is for owners.
    expect(await countOpenFeedback(handle.db, rep)).toBe(0);

    expect(await acknowledgeRatings(handle.db, marketer, asset.id)).toEqual({ acknowledged: 1 });
    expect(await countOpenFeedback(handle.db, marketer)).toBe(before + 1);
    // Changing the rating makes it new again.
    await rateAsset(handle.db, rep, asset.id, { helped: false, reason: "outdated", reasonText: "" });
    expect(await countOpenFeedback(handle.db, marketer)).toBe(before + 2);
  });
});
