import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog, contentRequests, notifications } from "@/db/schema";
import { requestStatuses, requestMoves, type RequestStatus } from "@/lib/requests";
import { createRequest } from "@/server/requests/create-request";
import { requestDemand } from "@/server/requests/request-demand";
import { getRequestOrThrow, listRequests } from "@/server/requests/request-queries";
import { updateRequest, voteForRequest } from "@/server/requests/triage-request";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let assetId: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  assetId = (await createTestAsset(handle.db, ws, { title: "Healthcare case study" })).id;
});
afterAll(() => handle.close());

/** A request placed directly in a state, so each move is tried from every state. */
async function requestIn(status: RequestStatus) {
  const rep = await ws.actor(ws.people.rep);
  const r = await createRequest(handle.db, rep, { title: `Need ${status}`, details: "", urgency: "normal" });
  await handle.db
    .update(contentRequests)
    .set({
      status,
      declineReason: status === "declined" ? "Out of scope" : null,
      deliveredAssetId: status === "delivered" ? assetId : null,
    })
    .where(eq(contentRequests.id, r.id));
  return r.id;
}

const needsFor = (to: RequestStatus, targetId: string) =>
  to === "merged"
    ? { mergeIntoId: targetId }
    : {
        status: to as Exclude<RequestStatus, "merged">,
        declineReason: to === "declined" ? "We have this already" : undefined,
        deliveredAssetId: to === "delivered" ? assetId : undefined,
      };

describe("request state machine", () => {
  const pairs = requestStatuses.flatMap((from) =>
    requestStatuses.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each(pairs)("%s -> %s is allowed exactly when the table says so", async (from, to) => {
    const marketer = await ws.actor(ws.people.marketer);
    const id = await requestIn(from);
    const target = await requestIn("accepted");
    const attempt = updateRequest(handle.db, marketer, id, needsFor(to, target));
    if (requestMoves[from].includes(to)) {
      await expect(attempt).resolves.toEqual({ status: to });
      const after = await getRequestOrThrow(handle.db, marketer, id);
      expect(after.status).toBe(to);
      const audit = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, id));
      expect(audit.map((a) => a.action)).toContain(`request.${to}`);
    } else {
      await expect(attempt).rejects.toMatchObject({ code: "conflict" });
      expect((await getRequestOrThrow(handle.db, marketer, id)).status).toBe(from);
    }
  });

  it("declining needs a reason and delivering needs a published asset", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const id = await requestIn("accepted");
    await expect(updateRequest(handle.db, marketer, id, { status: "declined" })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { declineReason: ["Say why it is declined"] },
    });
    await expect(updateRequest(handle.db, marketer, id, { status: "delivered" })).rejects.toMatchObject({
      code: "validation_failed",
    });
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    await expect(
      updateRequest(handle.db, marketer, id, { status: "delivered", deliveredAssetId: draft.id }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect((await getRequestOrThrow(handle.db, marketer, id)).status).toBe("accepted");
  });
});

describe("field requests", () => {
  it("votes count demand, merging carries votes over, and delivery tells requester and voters", async () => {
    const [rep, otherRep, marketer, partner] = await Promise.all([
      ws.actor(ws.people.rep),
      ws.actor(ws.people.otherRep),
      ws.actor(ws.people.marketer),
      ws.actor(ws.people.partnerLow),
    ]);
    const deal = await createTestDeal(handle.db, ws, { ownerId: rep.userId });
    const main = await createRequest(handle.db, rep, {
      title: "Rebuttal to Acme's new pricing pitch",
      details: "They undercut us by 20%",
      urgency: "high",
      stageId: ws.stages[2]!.id,
      dealId: deal.id,
    });
    const dup = await createRequest(handle.db, otherRep, {
      title: "Acme pricing rebuttal",
      details: "",
      urgency: "normal",
    });
    expect(await voteForRequest(handle.db, partner, main.id).catch((e: { code: string }) => e.code)).toBe(
      "not_found",
    );
    await voteForRequest(handle.db, marketer, dup.id);
    await voteForRequest(handle.db, marketer, dup.id);
    expect((await getRequestOrThrow(handle.db, rep, dup.id)).votes).toBe(2);

    await updateRequest(handle.db, marketer, dup.id, { mergeIntoId: main.id });
    const merged = await getRequestOrThrow(handle.db, rep, main.id);
    expect(merged.votes).toBe(3);
    expect(merged.deal).toEqual({ id: deal.id, name: deal.name });
    expect((await getRequestOrThrow(handle.db, rep, dup.id)).status).toBe("merged");

    await updateRequest(handle.db, marketer, main.id, { status: "accepted" });
    await updateRequest(handle.db, marketer, main.id, { status: "delivered", deliveredAssetId: assetId });
    const delivered = await getRequestOrThrow(handle.db, otherRep, main.id);
    expect(delivered.deliveredAsset).toEqual({ id: assetId, title: "Healthcare case study" });

    const told = await handle.db.select().from(notifications).where(eq(notifications.requestId, main.id));
    const deliveredNotes = told.filter((n) => n.title.startsWith("Delivered"));
    expect(deliveredNotes.map((n) => n.recipientId).sort()).toEqual([rep.userId, otherRep.userId].sort());
    expect(deliveredNotes.every((n) => n.link === `/assets/${assetId}`)).toBe(true);
    // The marketer voted but made the change, so hears nothing of it.
    expect(told.some((n) => n.recipientId === marketer.userId)).toBe(false);
  });

  it("partners see and vote only on their own org's requests; a rep cannot attach someone else's hidden deal", async () => {
    const [partnerLow, partnerHigh, rep] = await Promise.all([
      ws.actor(ws.people.partnerLow),
      ws.actor(ws.people.partnerHigh),
      ws.actor(ws.people.rep),
    ]);
    const mine = await createRequest(handle.db, partnerLow, {
      title: "Reseller pricing sheet",
      details: "",
      urgency: "low",
    });
    expect((await listRequests(handle.db, partnerLow)).map((r) => r.id)).toEqual([mine.id]);
    expect((await listRequests(handle.db, partnerHigh)).map((r) => r.id)).not.toContain(mine.id);
    await expect(getRequestOrThrow(handle.db, partnerHigh, mine.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listRequests(handle.db, rep)).map((r) => r.id)).toContain(mine.id);

    const partnerDeal = await createTestDeal(handle.db, ws, {
      ownerId: ws.people.partnerHigh.id,
      partnerOrgId: ws.orgs.high.id,
    });
    await expect(
      createRequest(handle.db, partnerLow, {
        title: "For that deal",
        details: "",
        urgency: "low",
        dealId: partnerDeal.id,
      }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { dealId: ["Choose one of your deals"] },
    });
  });

  it("a partner whose request is delivered with an asset it may not see is told without the link", async () => {
    const [partner, marketer] = [await ws.actor(ws.people.partnerLow), await ws.actor(ws.people.marketer)];
    const r = await createRequest(handle.db, partner, {
      title: "Reseller ROI model",
      details: "",
      urgency: "normal",
    });
    await updateRequest(handle.db, marketer, r.id, { status: "accepted" });
    await updateRequest(handle.db, marketer, r.id, { status: "delivered", deliveredAssetId: assetId });
    const told = await handle.db.select().from(notifications).where(eq(notifications.requestId, r.id));
    const delivered = told.filter((n) => n.title.startsWith("Delivered"));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      recipientId: partner.userId,
      assetId: null,
      link: `/requests#request-${r.id}`,
    });
    expect((await getRequestOrThrow(handle.db, partner, r.id)).deliveredAsset).toBeNull();
  });

  it("demand counts open requests and their votes by stage and by competitor", async () => {
    const local = await createTestWorkspace(handle.db);
    const [rep, otherRep, marketer] = [
      await local.actor(local.people.rep),
      await local.actor(local.people.otherRep),
      await local.actor(local.people.marketer),
    ];
    const a = await createRequest(handle.db, rep, {
      title: "Stage two need",
      details: "",
      urgency: "normal",
      stageId: local.stages[1]!.id,
    });
    await createRequest(handle.db, otherRep, {
      title: "Another",
      details: "",
      urgency: "normal",
      stageId: local.stages[1]!.id,
    });
    const closed = await createRequest(handle.db, rep, {
      title: "Old",
      details: "",
      urgency: "normal",
      stageId: local.stages[2]!.id,
    });
    await voteForRequest(handle.db, marketer, a.id);
    await updateRequest(handle.db, marketer, closed.id, { status: "declined", declineReason: "No" });
    const demand = await requestDemand(handle.db, marketer);
    expect(demand.byStage).toEqual([{ name: local.stages[1]!.name, requests: 2, votes: 3, deals: 0 }]);
    expect(demand.byCompetitor).toEqual([]);
  });
});
