import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetUsages, auditLog } from "@/db/schema";
import { assetUsageSummary, listAssets } from "@/server/assets/asset-queries";
import { closeDeal, moveDealStage } from "@/server/deals/deal-services";
import { dealTimeline } from "@/server/deals/deal-queries";
import { lossReasonsOf } from "@/server/deals/deal-queries";
import { logUsage } from "@/server/usage/log-usage";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

describe("the loop: stage library -> usage -> outcome -> marketer's summary", () => {
  it("records a usage at the deal's stage, once per idempotency key, and shows the win to the marketer", async () => {
    const evaluation = ws.stages[2]!;
    const asset = await createTestAsset(handle.db, ws, { title: "ROI model", stageIds: [evaluation.id] });
    const deal = await createTestDeal(handle.db, ws, { stageId: ws.stages[1]!.id });
    const rep = await ws.actor(ws.people.rep);

    await moveDealStage(handle.db, rep, deal.id, evaluation.id);
    const library = await listAssets(handle.db, rep, { stageId: evaluation.id });
    expect(library.map((x) => x.id)).toContain(asset.id);

    const input = {
      assetId: asset.id,
      dealId: deal.id,
      kind: "sent" as const,
      note: "",
      idempotencyKey: "usage-key-0001",
    };
    const first = await logUsage(handle.db, rep, input);
    const retry = await logUsage(handle.db, rep, input);
    expect(first.created).toBe(true);
    expect(retry).toMatchObject({ created: false, usage: { id: first.usage.id } });
    expect(first.usage.stageId).toBe(evaluation.id);
    expect(first.usage.assetVersionId).toBe(asset.currentVersionId);
    const [n] = await handle.db
      .select({ n: count() })
      .from(assetUsages)
      .where(eq(assetUsages.dealId, deal.id));
    expect(n!.n).toBe(1);

    await closeDeal(handle.db, rep, { dealId: deal.id, outcome: "won", amount: 42_000 });
    const summary = await assetUsageSummary(handle.db, await ws.actor(ws.people.marketer), asset.id);
    expect(summary).toEqual({ usages: 1, deals: 1, won: 1, lost: 0 });

    const timeline = await dealTimeline(handle.db, deal.id);
    expect(timeline.map((t) => t.status)).toEqual(["open", "open", "won"]);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, deal.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["deal.stage_moved", "deal.won"]);
  });

  it("refuses usage on another rep's deal and on an asset the rep cannot see", async () => {
    const deal = await createTestDeal(handle.db, ws, { ownerId: ws.people.otherRep.id });
    const asset = await createTestAsset(handle.db, ws);
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    const rep = await ws.actor(ws.people.rep);
    await expect(
      logUsage(handle.db, rep, { assetId: asset.id, dealId: deal.id, kind: "sent", note: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const own = await createTestDeal(handle.db, ws);
    await expect(
      logUsage(handle.db, rep, { assetId: draft.id, dealId: own.id, kind: "sent", note: "" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("closing as lost needs a reason from the workspace list; a closed deal cannot close again", async () => {
    const rep = await ws.actor(ws.people.rep);
    const deal = await createTestDeal(handle.db, ws);
    const [reason] = await lossReasonsOf(handle.db, ws.workspace.id);
    const otherWs = await createTestWorkspace(handle.db);
    const [foreignReason] = await lossReasonsOf(handle.db, otherWs.workspace.id);
    await expect(
      closeDeal(handle.db, rep, { dealId: deal.id, outcome: "lost", lossReasonId: foreignReason!.id }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const lost = await closeDeal(handle.db, rep, {
      dealId: deal.id,
      outcome: "lost",
      lossReasonId: reason!.id,
      note: "Went with Contoso",
    });
    expect(lost).toMatchObject({ status: "lost", lossReasonId: reason!.id, closeNote: "Went with Contoso" });
    await expect(closeDeal(handle.db, rep, { dealId: deal.id, outcome: "won" })).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
