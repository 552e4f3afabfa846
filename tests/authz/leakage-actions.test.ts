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
  assetRefs,
  buildLeakageFixture,
  dealRefs,
  managesContent,
  roles,
  sees,
  seesDeal,
  tenantOf,
  tenants,
  type DealCase,
  type LeakageFixture,
  type MatrixRole,
  type Ref,
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

const ENDED = "Your session has ended. Sign in again.";
const FORBIDDEN = "Your role does not allow this";

function actAs(role: MatrixRole) {
  vi.mocked(getActor).mockResolvedValue(role === "anonymous" ? null : (fx.actors[role] as Actor));
}

function expectNoLeak(role: MatrixRole, result: unknown, what: string) {
  expect(fx.leaksIn(role, result), `${what}: what ${role} sees`).toEqual([]);
}

describe.each(roles)("server actions as %s", (role) => {
  it("the asset picker finds only visible assets", async () => {
    actAs(role);
    const result = await findAssetsAction({ q: "zircon" });
    if (role === "anonymous") return expect(result).toEqual({ ok: false, error: ENDED });
    expect(result.ok).toBe(true);
    expectNoLeak(role, result, "findAssets");
  });

  it.each(assetRefs)("writes naming asset $label are refused unless the role may edit it", async (ref) => {
    actAs(role);
    const id = fx.assetId(ref);
    const attempts = [
      await updateAssetAction({ assetId: id, patch: { description: "matrix" } }),
      await changeAssetStatusAction({ assetId: id, status: "published" }),
      await bulkEditAssetsAction({ assetIds: [id], addStageIds: [fx.content[ref.tenant].ws.stages[0]!.id] }),
      await setPartnerVisibilityInBulkAction({
        assetIds: [id],
        visibility: { partnerAccess: "none", minPartnerTierId: null, partnerOrgIds: [], partnerRegion: null },
      }),
    ];
    for (const result of attempts) {
      expectNoLeak(role, result, `write ${ref.label}`);
      if (role === "anonymous") expect(result).toMatchObject({ ok: false, error: ENDED });
      else if (!managesContent(role)) expect(result).toMatchObject({ ok: false, error: FORBIDDEN });
      // A manager of another workspace is told the asset does not exist.
      else if (tenantOf(role) !== ref.tenant)
        expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
    }
  });

  it("logging a hidden asset on the role's own deal, or anything on a hidden deal, is not found", async () => {
    actAs(role);
    const own: Partial<Record<MatrixRole, DealCase>> = {
      rep: "repDeal",
      partnerLow: "lowDeal",
      partnerStrategic: "strategicDeal",
      otherRep: "repDeal",
      otherPartner: "strategicDeal",
    };
    const dealKey = own[role];
    if (dealKey) {
      const deal: Ref<DealCase> = { tenant: tenantOf(role)!, key: dealKey, label: dealKey };
      for (const ref of assetRefs.filter((r) => !sees(role, r))) {
        const result = await logUsageAction({
          assetId: fx.assetId(ref),
          dealId: fx.dealId(deal),
          kind: "sent",
        });
        expect(result, `log ${ref.label}`).toMatchObject({
          ok: false,
          error: expect.stringMatching(/not found/i),
        });
        expectNoLeak(role, result, "logUsage");
      }
    }
    for (const ref of dealRefs.filter((r) => !seesDeal(role, r))) {
      const id = fx.dealId(ref);
      const { ws, assetIds } = fx.content[ref.tenant];
      for (const result of [
        await logUsageAction({ assetId: assetIds.allPartners, dealId: id, kind: "sent" }),
        await editDealAction({ dealId: id, patch: { name: "renamed by matrix" } }),
        await moveDealStageAction({ dealId: id, stageId: ws.stages[2]!.id }),
      ]) {
        expect(result.ok, `${role} wrote to ${ref.label}`).toBe(false);
        expectNoLeak(role, result, "deal write");
      }
    }
  });

  it.each(tenants)(
    "partner management in the %s workspace is for its admins and channel managers only",
    async (tenant) => {
      actAs(role);
      const { ws, strategicOrg } = fx.content[tenant];
      const results = [
        await createPartnerOrgAction({ name: `Matrix org ${role}`, tierId: ws.tiers[0]!.id }),
        await updatePartnerOrgAction({ id: strategicOrg.id, patch: { region: "EMEA" } }),
        await invitePartnerUserAction({
          partnerOrgId: strategicOrg.id,
          email: `matrix-${role}-${tenant}@partner.test`,
        }),
      ];
      const admin = role !== "anonymous" && fx.actors[role].role === "admin";
      const expected =
        role === "anonymous" ? ENDED : !admin ? FORBIDDEN : tenantOf(role) === tenant ? null : "not found";
      for (const result of results.slice(1)) {
        if (expected === null) expect(result.ok).toBe(true);
        else
          expect(result).toMatchObject({
            ok: false,
            error: expect.stringMatching(new RegExp(expected, "i")),
          });
        expectNoLeak(role, result, "partner management");
      }
      // Another workspace's admin may create orgs, but not at this workspace's tiers.
      if (admin && tenantOf(role) !== tenant)
        expect(results[0]).toMatchObject({ ok: false, error: "Unknown tier" });
      else expect(results[0]!.ok).toBe(admin);
    },
  );
});
