import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { changeAssetStatusAction, findAssetsAction, updateAssetAction } from "@/server/assets/asset-actions";
import { bulkEditAssetsAction } from "@/server/assets/bulk-edit-actions";
import { getActor } from "@/server/auth/session";
import { editDealAction, moveDealStageAction } from "@/server/deals/deal-actions";
import {
  createPartnerOrgAction,
  invitePartnerUserAction,
  setPartnerVisibilityInBulkAction,
  updatePartnerOrgAction,
} from "@/server/partners/partner-actions";
import { logUsageAction } from "@/server/usage/usage-actions";
import { createTestDatabase } from "../support/test-db";
import {
  assetCases,
  buildLeakageFixture,
  dealCases,
  roles,
  type AssetCase,
  type DealCase,
  type LeakageFixture,
  type MatrixRole,
} from "./leakage-fixture";

// Server actions read the actor from the session; here the session "is" each role in turn.
vi.mock("@/server/auth/session", () => ({ getActor: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let handle: DatabaseHandle;
let fx: LeakageFixture;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  fx = await buildLeakageFixture(handle.db);
}, 120_000);
afterAll(() => handle.close());

const assetKeys = Object.keys(assetCases) as AssetCase[];
const sees = (role: MatrixRole, key: AssetCase) => (assetCases[key].seenBy as MatrixRole[]).includes(role);
const seesDeal = (role: MatrixRole, key: DealCase) => (dealCases[key].seenBy as MatrixRole[]).includes(role);
const writers = new Set<MatrixRole>(["marketer", "admin", "otherAdmin"]);
const ENDED = "Your session has ended. Sign in again.";
const FORBIDDEN = "Your role does not allow this";

function actAs(role: MatrixRole) {
  vi.mocked(getActor).mockResolvedValue(role === "anonymous" ? null : (fx.actors[role] as Actor));
}

function expectNoLeak(role: MatrixRole, result: unknown, what: string) {
  const text = JSON.stringify(result);
  for (const key of assetKeys) {
    if (sees(role, key)) continue;
    expect(text, `${what}: ${role} sees ${key}`).not.toContain(assetCases[key].title);
    expect(text, `${what}: ${role} sees ${key}`).not.toContain(fx.assetIds[key]);
  }
}

describe.each(roles)("server actions as %s", (role) => {
  it("the asset picker finds only visible assets", async () => {
    actAs(role);
    const result = await findAssetsAction({ q: "zircon" });
    if (role === "anonymous") return expect(result).toEqual({ ok: false, error: ENDED });
    expect(result.ok).toBe(true);
    expectNoLeak(role, result, "findAssets");
  });

  it.each(assetKeys)("writes naming asset %s are refused unless the role may edit it", async (key) => {
    actAs(role);
    const id = fx.assetIds[key];
    const attempts = [
      await updateAssetAction({ assetId: id, patch: { description: "matrix" } }),
      await changeAssetStatusAction({ assetId: id, status: "published" }),
      await bulkEditAssetsAction({ assetIds: [id], addStageIds: [fx.ws.stages[0]!.id] }),
      await setPartnerVisibilityInBulkAction({
        assetIds: [id],
        visibility: { partnerAccess: "none", minPartnerTierId: null, partnerOrgIds: [], partnerRegion: null },
      }),
    ];
    for (const result of attempts) {
      expectNoLeak(role, result, `write ${key}`);
      if (role === "anonymous") expect(result).toMatchObject({ ok: false, error: ENDED });
      else if (!writers.has(role)) expect(result).toMatchObject({ ok: false, error: FORBIDDEN });
      else if (role === "otherAdmin")
        expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
    }
  });

  it("logging a hidden asset on the role's own deal, or anything on a hidden deal, is not found", async () => {
    actAs(role);
    const own: Partial<Record<MatrixRole, DealCase>> = {
      rep: "repDeal",
      partnerLow: "lowDeal",
      partnerStrategic: "strategicDeal",
    };
    const dealKey = own[role];
    if (dealKey) {
      for (const key of assetKeys.filter((k) => !sees(role, k))) {
        const result = await logUsageAction({
          assetId: fx.assetIds[key],
          dealId: fx.dealIds[dealKey],
          kind: "sent",
        });
        expect(result, `log ${key}`).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
        expectNoLeak(role, result, "logUsage");
      }
    }
    for (const dealKey of (Object.keys(dealCases) as DealCase[]).filter((k) => !seesDeal(role, k))) {
      const id = fx.dealIds[dealKey];
      for (const result of [
        await logUsageAction({ assetId: fx.assetIds.allPartners, dealId: id, kind: "sent" }),
        await editDealAction({ dealId: id, patch: { name: "renamed by matrix" } }),
        await moveDealStageAction({ dealId: id, stageId: fx.ws.stages[2]!.id }),
      ]) {
        expect(result.ok, `${role} wrote to ${dealKey}`).toBe(false);
        expectNoLeak(role, result, "deal write");
      }
    }
  });

  it("partner management is for admins and channel managers only", async () => {
    actAs(role);
    const results = [
      await createPartnerOrgAction({ name: `Matrix org ${role}`, tierId: fx.ws.tiers[0]!.id }),
      await updatePartnerOrgAction({ id: fx.strategicOrg.id, patch: { region: "EMEA" } }),
      await invitePartnerUserAction({
        partnerOrgId: fx.strategicOrg.id,
        email: `matrix-${role}@partner.test`,
      }),
    ];
    const expected =
      role === "anonymous"
        ? ENDED
        : role === "admin"
          ? null
          : role === "otherAdmin"
            ? "not found"
            : FORBIDDEN;
    for (const result of results.slice(1)) {
      if (expected === null) expect(result.ok).toBe(true);
      else
        expect(result).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(expected, "i")) });
    }
    // Another workspace's admin may create orgs, but not at this workspace's tiers.
    if (role === "otherAdmin") expect(results[0]).toMatchObject({ ok: false, error: "Unknown tier" });
    else expect(results[0]!.ok).toBe(role === "admin");
  });
});
