import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetPartnerOrgs } from "@/db/schema";
import { getAssetOrThrow, listAssets } from "@/server/assets/asset-queries";
import type { Role } from "@/lib/roles";
import { actorCan } from "@/server/authz/permissions";
import { getDealOrThrow, listDeals } from "@/server/deals/deal-queries";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

/** A person of this role without the channel-manager duty. */
const as = (role: Role) => ({ role, channelManager: false });

let handle: DatabaseHandle;
let ws: TestWorkspace;
let other: TestWorkspace;
const a: Record<string, { id: string }> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  other = await createTestWorkspace(handle.db);
  const db = handle.db;
  a.internal = await createTestAsset(db, ws, { title: "Internal battlecard" });
  a.draft = await createTestAsset(db, ws, { status: "draft", title: "Draft deck" });
  a.archived = await createTestAsset(db, ws, { status: "archived", title: "Old deck" });
  a.expired = await createTestAsset(db, ws, {
    title: "Expired one-pager",
    expiresAt: new Date(Date.now() - 86_400_000),
  });
  a.allPartners = await createTestAsset(db, ws, { title: "Partner one-pager", partnerAccess: "all" });
  a.platinumOnly = await createTestAsset(db, ws, {
    title: "Platinum pricing tool",
    partnerAccess: "tier",
    minPartnerTierId: ws.tiers[3]!.id,
  });
  a.orgOnly = await createTestAsset(db, ws, { title: "Co-marketing kit", partnerAccess: "orgs" });
  await db.insert(assetPartnerOrgs).values({ assetId: a.orgOnly.id, partnerOrgId: ws.orgs.low.id });
  a.otherWorkspace = await createTestAsset(db, other, { title: "Other workspace asset" });
});
afterAll(() => handle.close());

const titlesFor = async (user: { id: string }, w = ws) =>
  (await listAssets(handle.db, await w.actor(user))).map((x) => x.title).sort();

describe("asset visibility (in the WHERE clause)", () => {
  it("marketers see every asset of their own workspace, and nothing of another", async () => {
    const titles = await titlesFor(ws.people.marketer);
    expect(titles).toHaveLength(7);
    expect(titles).not.toContain("Other workspace asset");
  });

  it("reps see only published, unexpired assets", async () => {
    expect(await titlesFor(ws.people.rep)).toEqual(
      ["Co-marketing kit", "Internal battlecard", "Partner one-pager", "Platinum pricing tool"].sort(),
    );
  });

  it("a low-tier partner sees all-partner assets and what is granted to its org, not higher tiers or internal", async () => {
    expect(await titlesFor(ws.people.partnerLow)).toEqual(["Co-marketing kit", "Partner one-pager"]);
  });

  it("a platinum partner sees tier-gated assets but not another org's kit", async () => {
    expect(await titlesFor(ws.people.partnerHigh)).toEqual(["Partner one-pager", "Platinum pricing tool"]);
  });

  it("a hidden asset by id is not_found for the one who may not see it", async () => {
    await expect(
      getAssetOrThrow(handle.db, await ws.actor(ws.people.partnerLow), a.platinumOnly!.id),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getAssetOrThrow(handle.db, await ws.actor(ws.people.rep), a.draft!.id),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getAssetOrThrow(handle.db, await other.actor(other.people.marketer), a.internal!.id),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      getAssetOrThrow(handle.db, await ws.actor(ws.people.partnerHigh), a.platinumOnly!.id),
    ).resolves.toBeTruthy();
  });
});

describe("deal visibility", () => {
  it("partners never read internal deals; they read their org's registered deals", async () => {
    const internal = await createTestDeal(handle.db, ws);
    const partnerDeal = await createTestDeal(handle.db, ws, {
      ownerId: ws.people.partnerLow.id,
      partnerOrgId: ws.orgs.low.id,
    });
    const low = await ws.actor(ws.people.partnerLow);
    const high = await ws.actor(ws.people.partnerHigh);
    await expect(getDealOrThrow(handle.db, low, internal.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getDealOrThrow(handle.db, low, partnerDeal.id)).resolves.toBeTruthy();
    await expect(getDealOrThrow(handle.db, high, partnerDeal.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listDeals(handle.db, high, { scope: "all" })).map((d) => d.id)).toEqual([]);
  });
});

describe("permission table", () => {
  it("gives each role only its own powers", () => {
    expect(actorCan(as("partner"), "analytics.read")).toBe(false);
    expect(actorCan(as("partner"), "assets.write")).toBe(false);
    expect(actorCan(as("rep"), "assets.publish")).toBe(false);
    expect(actorCan(as("rep"), "usage.write")).toBe(true);
    expect(actorCan(as("marketer"), "assets.publish")).toBe(true);
    expect(actorCan(as("marketer"), "users.manage")).toBe(false);
    expect(actorCan(as("admin"), "users.manage")).toBe(true);
  });
});
