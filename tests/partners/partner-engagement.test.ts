import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { activityEvents, assetUsages, deals } from "@/db/schema";
import { partnerEngagement } from "@/server/partners/partner-engagement";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { eq } from "drizzle-orm";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

describe("partner engagement", () => {
  it("counts each org's views, downloads, usages and deal outcomes, rolls them up by tier, and names the quiet ones", async () => {
    const db = handle.db;
    const asset = await createTestAsset(db, ws, { partnerAccess: "all" });
    const high = ws.people.partnerHigh;
    await db.insert(activityEvents).values([
      { workspaceId: ws.workspace.id, actorId: high.id, kind: "view", assetId: asset.id },
      { workspaceId: ws.workspace.id, actorId: high.id, kind: "view", assetId: asset.id },
      { workspaceId: ws.workspace.id, actorId: high.id, kind: "download", assetId: asset.id },
      // Internal people's activity is not a partner's.
      { workspaceId: ws.workspace.id, actorId: ws.people.rep.id, kind: "view", assetId: asset.id },
    ]);
    const won = await createTestDeal(db, ws, { ownerId: high.id, partnerOrgId: ws.orgs.high.id });
    await db.update(deals).set({ status: "won" }).where(eq(deals.id, won.id));
    await createTestDeal(db, ws, { ownerId: high.id, partnerOrgId: ws.orgs.high.id });
    await db.insert(assetUsages).values({
      workspaceId: ws.workspace.id,
      assetId: asset.id,
      dealId: won.id,
      stageId: ws.stages[1]!.id,
      actorId: high.id,
    });

    const result = await partnerEngagement(db, await ws.actor(ws.people.marketer));
    const byName = new Map(result.orgs.map((o) => [o.name, o]));
    expect(byName.get("Platinum Co")).toMatchObject({
      views: 2,
      downloads: 1,
      usages: 1,
      openDeals: 1,
      wonDeals: 1,
      lostDeals: 0,
      engaged: true,
    });
    expect(byName.get("Registered Co")).toMatchObject({ views: 0, downloads: 0, usages: 0, engaged: false });
    expect(byName.get("Registered Co")!.lastActiveAt).toBeNull();
    expect(result.disengaged.map((o) => o.name)).toEqual(["Registered Co"]);
    expect(result.tiers.map((t) => [t.tierName, t.engagedOrgs, t.orgs, t.views])).toEqual([
      [ws.tiers[0]!.name, 0, 1, 0],
      [ws.tiers[3]!.name, 1, 1, 2],
    ]);

    const other = await createTestWorkspace(db);
    const foreign = await partnerEngagement(db, await other.actor(other.people.admin));
    expect(foreign.orgs.every((o) => o.views === 0)).toBe(true);
  });
});
