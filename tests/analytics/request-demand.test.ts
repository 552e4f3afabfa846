import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { taxonomyTerms } from "@/db/schema";
import { createRequest } from "@/server/requests/create-request";
import { requestDemand } from "@/server/requests/request-demand";
import { updateRequest, voteForRequest } from "@/server/requests/triage-request";
import { createTestDatabase } from "../support/test-db";
import { createTestDeal, createTestWorkspace, type TestWorkspace } from "../support/factories";

/*
 * Open demand shown in the analytics content-gaps view, by hand:
 *   r1: stage 1, competitor Acme, deal D1, requester + 2 votes = 3 votes.
 *   r2: stage 1, competitor Acme, deal D1 again, requester only = 1 vote.
 *   r3: stage 2, competitor Globex, deal D2, requester + 1 vote = 2 votes.
 *   r4: stage 2, no competitor, no deal, requester only = 1 vote.
 *   r5: stage 1, Acme, deal D2, declined: not open, not counted.
 * By stage: stage 1 = 2 requests / 4 votes / 1 deal; stage 2 = 2 requests / 3 votes / 1 deal.
 * By competitor: Acme = 2 / 4 / 1; Globex = 1 / 2 / 1.
 */
let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

describe("request demand in analytics", () => {
  it("counts open requests, votes and deals by stage and by competitor", async () => {
    const db = handle.db;
    const [acme, globex] = await db
      .insert(taxonomyTerms)
      .values([
        { workspaceId: ws.workspace.id, kind: "competitor", name: "Acme" },
        { workspaceId: ws.workspace.id, kind: "competitor", name: "Globex" },
      ])
      .returning();
    const [rep, otherRep, marketer, admin] = await Promise.all([
      ws.actor(ws.people.rep),
      ws.actor(ws.people.otherRep),
      ws.actor(ws.people.marketer),
      ws.actor(ws.people.admin),
    ]);
    const [d1, d2] = [await createTestDeal(db, ws), await createTestDeal(db, ws)];
    const [s1, s2] = [ws.stages[1]!.id, ws.stages[2]!.id];
    const ask = (title: string, extra: { stageId: string; competitorId?: string; dealId?: string }) =>
      createRequest(db, rep, { title, details: "", urgency: "normal", ...extra });
    const r1 = await ask("Rebuttal to Acme pricing", { stageId: s1, competitorId: acme!.id, dealId: d1.id });
    await ask("Acme migration guide", { stageId: s1, competitorId: acme!.id, dealId: d1.id });
    const r3 = await ask("Globex comparison", { stageId: s2, competitorId: globex!.id, dealId: d2.id });
    await ask("Healthcare ROI study", { stageId: s2 });
    const r5 = await ask("Old Acme sheet", { stageId: s1, competitorId: acme!.id, dealId: d2.id });
    await voteForRequest(db, otherRep, r1.id);
    await voteForRequest(db, admin, r1.id);
    await voteForRequest(db, otherRep, r3.id);
    await updateRequest(db, marketer, r5.id, { status: "declined", declineReason: "Covered already" });

    const demand = await requestDemand(db, marketer);
    expect(demand.byStage).toEqual([
      { name: ws.stages[1]!.name, requests: 2, votes: 4, deals: 1 },
      { name: ws.stages[2]!.name, requests: 2, votes: 3, deals: 1 },
    ]);
    expect(demand.byCompetitor).toEqual([
      { name: "Acme", requests: 2, votes: 4, deals: 1 },
      { name: "Globex", requests: 1, votes: 2, deals: 1 },
    ]);

    const other = await createTestWorkspace(db);
    const elsewhere = await requestDemand(db, await other.actor(other.people.marketer));
    expect(elsewhere).toEqual({ byStage: [], byCompetitor: [] });
  });
});
