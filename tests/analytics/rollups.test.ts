import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { listAssetAnalytics } from "@/server/analytics/asset-analytics";
import { recordAssetActivity } from "@/server/activity/record-activity";
import { closeDeal, moveDealStage, updateDeal } from "@/server/deals/deal-services";
import { logUsage } from "@/server/usage/log-usage";
import { deleteUsage, updateUsage } from "@/server/usage/usage-services";
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

/** The rollups as they are, and as a full recount from the source tables says they should be. */
async function rollupsVersusRecount() {
  const q = async (query: ReturnType<typeof sql>) =>
    (await handle.db.execute<Record<string, unknown>>(query)).rows.map((r) => JSON.stringify(r)).sort();
  const ws_ = ws.workspace.id;
  return {
    dealAssets: await q(sql`SELECT deal_id, asset_id, stage_id, usages, first_used_at, last_used_at
      FROM analytics_deal_assets WHERE workspace_id = ${ws_}`),
    dealAssetsExpected: await q(sql`SELECT deal_id, asset_id, stage_id, count(*)::int AS usages,
      min(created_at) AS first_used_at, max(created_at) AS last_used_at
      FROM asset_usages WHERE workspace_id = ${ws_} GROUP BY 1, 2, 3`),
    usageDaily: await q(sql`SELECT asset_id, stage_id, day, usages FROM analytics_usage_daily
      WHERE workspace_id = ${ws_}`),
    usageDailyExpected: await q(sql`SELECT asset_id, stage_id, (created_at AT TIME ZONE 'UTC')::date AS day,
      count(*)::int AS usages FROM asset_usages WHERE workspace_id = ${ws_} GROUP BY 1, 2, 3`),
    assetDaily: await q(sql`SELECT asset_id, day, views, downloads FROM analytics_asset_daily
      WHERE workspace_id = ${ws_}`),
    assetDailyExpected: await q(sql`SELECT asset_id, (created_at AT TIME ZONE 'UTC')::date AS day,
      count(*) FILTER (WHERE kind = 'view')::int AS views, count(*) FILTER (WHERE kind = 'download')::int AS downloads
      FROM activity_events WHERE workspace_id = ${ws_} AND asset_id IS NOT NULL AND kind IN ('view', 'download')
      GROUP BY 1, 2`),
  };
}

async function expectRollupsMatchSource() {
  const r = await rollupsVersusRecount();
  expect(r.dealAssets).toEqual(r.dealAssetsExpected);
  expect(r.usageDaily).toEqual(r.usageDailyExpected);
  expect(r.assetDaily).toEqual(r.assetDailyExpected);
}

describe("rollups stay correct through edits, deletes and reopened deals", () => {
  it("follows logging, correcting and deleting usages, views and downloads, and a deal's reopening", async () => {
    const [s1, s2, s3] = [ws.stages[1]!, ws.stages[2]!, ws.stages[3]!];
    const asset = await createTestAsset(handle.db, ws, { title: "Rollup deck", stageIds: [s1.id, s2.id] });
    const other = await createTestAsset(handle.db, ws, { title: "Rollup sheet", stageIds: [s1.id] });
    const rep = await ws.actor(ws.people.rep);
    const deal = await createTestDeal(handle.db, ws, { stageId: s1.id, amountMinor: 300_00 });
    const stats = async () =>
      (await listAssetAnalytics(handle.db, ws.workspace.id, {})).find((r) => r.assetId === asset.id)!;

    const first = await logUsage(handle.db, rep, {
      assetId: asset.id,
      dealId: deal.id,
      kind: "sent",
      note: "",
    });
    const second = await logUsage(handle.db, rep, {
      assetId: asset.id,
      dealId: deal.id,
      kind: "presented",
      note: "",
    });
    await logUsage(handle.db, rep, { assetId: other.id, dealId: deal.id, kind: "sent", note: "" });
    await recordAssetActivity(handle.db, rep, "view", asset.id);
    await recordAssetActivity(handle.db, rep, "view", asset.id);
    await recordAssetActivity(handle.db, rep, "download", asset.id);
    await expectRollupsMatchSource();
    expect(await stats()).toMatchObject({ views: 2, downloads: 1, usages: 2, deals: 1, used: { closed: 0 } });

    await moveDealStage(handle.db, rep, deal.id, s3.id);
    await updateUsage(handle.db, rep, second.usage.id, { stageId: s2.id });
    await expectRollupsMatchSource();

    await closeDeal(handle.db, rep, { dealId: deal.id, outcome: "won", amount: 300 });
    expect(await stats()).toMatchObject({ used: { won: 1, lost: 0 }, influencedRevenue: 300 });

    await updateDeal(handle.db, rep, deal.id, { status: "open" });
    expect(await stats()).toMatchObject({ used: { won: 0, lost: 0 }, influencedRevenue: 0 });

    await deleteUsage(handle.db, rep, first.usage.id);
    await expectRollupsMatchSource();
    expect(await stats()).toMatchObject({ usages: 1, deals: 1 });
    await deleteUsage(handle.db, rep, second.usage.id);
    await expectRollupsMatchSource();
    expect(await stats()).toMatchObject({ usages: 0, deals: 0, lastUsedAt: null });

    const lossReason = await handle.db.execute<{ id: string }>(
      sql`SELECT id FROM loss_reasons WHERE workspace_id = ${ws.workspace.id} LIMIT 1`,
    );
    await closeDeal(handle.db, rep, {
      dealId: deal.id,
      outcome: "lost",
      lossReasonId: lossReason.rows[0]!.id,
    });
    // The deal no longer used the asset when it was lost, so it is not one of its used deals.
    expect(await stats()).toMatchObject({ used: { closed: 0 } });
    const sheet = (await listAssetAnalytics(handle.db, ws.workspace.id, {})).find(
      (r) => r.assetId === other.id,
    )!;
    expect(sheet.used).toMatchObject({ won: 0, lost: 1 });

    const reach = await handle.db.execute<{ reached_position: number }>(
      sql`SELECT reached_position FROM analytics_deal_reach WHERE deal_id = ${deal.id}`,
    );
    expect(reach.rows[0]!.reached_position).toBe(s3.position);
  });
});
