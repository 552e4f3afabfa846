import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetVersions, deals, files, taxonomyTerms } from "@/db/schema";
import { getAsset } from "@/server/api/routes/assets";
import { exportDealsRoute, updateDealRoute } from "@/server/api/routes/deals";
import { listLossReasonsRoute, listPartnerTiersRoute, listTermsRoute } from "@/server/api/routes/lists";
import { callRoute, tokensFor } from "../support/call-route";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let tokens: Record<"rep" | "marketer" | "partnerLow" | "partnerHigh", string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  tokens = await tokensFor(handle.db, ws, ["rep", "marketer", "partnerLow", "partnerHigh"]);
});
afterAll(() => handle.close());

describe("lists a write needs", () => {
  it("lists loss reasons, and one of them closes a deal as lost", async () => {
    const reasons = await callRoute(listLossReasonsRoute, tokens.rep);
    expect(reasons.status).toBe(200);
    expect(reasons.body.data.length).toBeGreaterThan(0);
    const deal = await createTestDeal(handle.db, ws, { ownerId: ws.people.rep.id });
    const lost = await callRoute(updateDealRoute, tokens.rep, {
      params: { id: deal.id },
      json: { status: "lost", lossReasonId: reasons.body.data[0].id },
    });
    expect(lost.status).toBe(200);
    expect(lost.body).toMatchObject({ status: "lost", lossReasonId: reasons.body.data[0].id });
  });

  it("lists the workspace's tags, by kind, and partner tiers for those who share content", async () => {
    await handle.db.insert(taxonomyTerms).values([
      { workspaceId: ws.workspace.id, kind: "industry", name: "Healthcare" },
      { workspaceId: ws.workspace.id, kind: "competitor", name: "Kestrel" },
    ]);
    const industries = await callRoute(listTermsRoute, tokens.rep, { query: { kind: "industry" } });
    expect(industries.body.data).toEqual([{ id: expect.any(String), kind: "industry", name: "Healthcare" }]);
    expect((await callRoute(listTermsRoute, tokens.rep)).body.data).toHaveLength(2);

    const tiers = await callRoute(listPartnerTiersRoute, tokens.marketer);
    expect(tiers.body.data.map((t: { id: string }) => t.id)).toEqual(ws.tiers.map((t) => t.id));
    expect((await callRoute(listPartnerTiersRoute, tokens.rep)).status).toBe(403);
  });
});

describe("an asset's processing state", () => {
  it("tells every reader pending / done / failed, and only content managers why it failed", async () => {
    const asset = await createTestAsset(handle.db, ws, { partnerAccess: "all" });
    const [version] = await handle.db
      .select({ fileId: assetVersions.fileId })
      .from(assetVersions)
      .where(eq(assetVersions.id, asset.currentVersionId));
    expect((await callRoute(getAsset, tokens.rep, { params: { id: asset.id } })).body.processing).toEqual({
      state: "done",
      reason: null,
    });
    await handle.db
      .update(files)
      .set({ processingState: "failed", processingError: "The PDF is encrypted" })
      .where(eq(files.id, version!.fileId));
    expect(
      (await callRoute(getAsset, tokens.marketer, { params: { id: asset.id } })).body.processing,
    ).toEqual({
      state: "failed",
      reason: "The PDF is encrypted",
    });
    expect(
      (await callRoute(getAsset, tokens.partnerLow, { params: { id: asset.id } })).body.processing,
    ).toEqual({
      state: "failed",
      reason: null,
    });
  });
});

describe("deals as CSV", () => {
  it("exports what the caller may see, under the list's filters, with formula-looking cells kept as text", async () => {
    const internal = await createTestDeal(handle.db, ws, { ownerId: ws.people.rep.id });
    await handle.db.update(deals).set({ name: "=HYPERLINK(1)" }).where(eq(deals.id, internal.id));
    const partnerDeal = await createTestDeal(handle.db, ws, {
      ownerId: ws.people.partnerLow.id,
      partnerOrgId: ws.orgs.low.id,
    });

    const asRep = await callRoute(exportDealsRoute, tokens.rep);
    expect(asRep.status).toBe(200);
    expect(asRep.headers.get("content-type")).toContain("text/csv");
    expect(asRep.headers.get("content-disposition")).toContain("attachment");
    const lines = (asRep.body as string).trim().split("\r\n");
    expect(lines[0]).toBe(
      '"id","name","accountName","amount","currency","stage","status","closeDate","owner","externalSource","externalId","createdAt","updatedAt"',
    );
    expect(asRep.body).toContain(`"${internal.id}","'=HYPERLINK(1)"`);
    expect(asRep.body).toContain(partnerDeal.id);

    const asPartner = await callRoute(exportDealsRoute, tokens.partnerLow);
    expect(asPartner.body).toContain(partnerDeal.id);
    expect(asPartner.body).not.toContain(internal.id);
    expect((await callRoute(exportDealsRoute, tokens.partnerHigh)).body).not.toContain(partnerDeal.id);

    const mine = await callRoute(exportDealsRoute, tokens.rep, { query: { scope: "mine" } });
    expect(mine.body).toContain(internal.id);
    expect(mine.body).not.toContain(partnerDeal.id);
  });
});
