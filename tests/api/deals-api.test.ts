import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetUsages, auditLog, dealStageHistory } from "@/db/schema";
import type { ApiRoute } from "@/server/api/define-route";
import {
  createDealRoute,
  getDealRoute,
  listDealsRoute,
  updateDealRoute,
  upsertExternalDealRoute,
} from "@/server/api/routes/deals";
import {
  createDealUsageRoute,
  deleteUsageRoute,
  listDealUsagesRoute,
  updateUsageRoute,
} from "@/server/api/routes/usages";
import { lossReasonsOf } from "@/server/deals/deal-queries";
import { createApiToken } from "@/server/tokens/token-service";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const tokens: Record<"rep" | "otherRep" | "partnerLow" | "admin", string> = {
  rep: "",
  otherRep: "",
  partnerLow: "",
  admin: "",
};

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) {
    tokens[who] = (await createApiToken(handle.db, await ws.actor(ws.people[who]), who)).secret;
  }
});
afterAll(() => handle.close());

async function call(
  route: ApiRoute,
  who: keyof typeof tokens,
  opts: {
    params?: Record<string, string>;
    body?: unknown;
    query?: Record<string, string>;
    key?: string;
  } = {},
) {
  const url = new URL("http://localhost/api/v1/test");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.key) headers["idempotency-key"] = opts.key;
  const res = await route.handler(
    new Request(url, {
      method: route.spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("deals API", () => {
  it("creates, reads and pages through deals with an opaque cursor", async () => {
    const created = await call(createDealRoute, "otherRep", {
      body: {
        name: "Paging deal 0",
        accountName: "Acme",
        amount: 1200.5,
        currency: "eur",
        stageId: ws.stages[0]!.id,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      amount: 1200.5,
      currency: "EUR",
      status: "open",
      stageName: "Awareness",
    });
    for (let i = 1; i < 5; i++) {
      await call(createDealRoute, "otherRep", {
        body: { name: `Paging deal ${i}`, accountName: "Acme", amount: i, stageId: ws.stages[0]!.id },
      });
    }
    expect((await call(getDealRoute, "otherRep", { params: { id: created.body.id } })).body.name).toBe(
      "Paging deal 0",
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(listDealsRoute, "otherRep", {
        query: { scope: "mine", limit: "2", ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((d: { name: string }) => d.name));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `Paging deal ${i}`));

    const search = await call(listDealsRoute, "otherRep", { query: { q: "deal 3" } });
    expect(search.body.data.map((d: { name: string }) => d.name)).toEqual(["Paging deal 3"]);
  });

  it("rejects a tampered cursor with 422", async () => {
    for (const cursor of [
      "garbage",
      Buffer.from('["2026-01-01 00:00:00+00","x\' or 1=1"]').toString("base64url"),
    ]) {
      const res = await call(listDealsRoute, "rep", { query: { cursor } });
      expect(res.status).toBe(422);
      expect(res.body.error.fieldErrors.cursor).toBeDefined();
    }
  });

  it("moves, closes, refuses a second close, and reopens a deal with history and audit", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const [reason] = await lossReasonsOf(handle.db, ws.workspace.id);
    const moved = await call(updateDealRoute, "rep", {
      params: { id: deal.id },
      body: { stageId: ws.stages[3]!.id },
    });
    expect(moved.body.stageName).toBe("Proposal");
    const noReason = await call(updateDealRoute, "rep", {
      params: { id: deal.id },
      body: { status: "lost" },
    });
    expect(noReason.status).toBe(422);
    const lost = await call(updateDealRoute, "rep", {
      params: { id: deal.id },
      body: { status: "lost", lossReasonId: reason!.id, closeNote: "Budget cut" },
    });
    expect(lost.body).toMatchObject({ status: "lost", lossReasonId: reason!.id, closeNote: "Budget cut" });
    expect(lost.body.closedAt).not.toBeNull();
    expect(
      (await call(updateDealRoute, "rep", { params: { id: deal.id }, body: { status: "won" } })).status,
    ).toBe(409);
    expect(
      (await call(updateDealRoute, "rep", { params: { id: deal.id }, body: { stageId: ws.stages[4]!.id } }))
        .status,
    ).toBe(409);
    const reopened = await call(updateDealRoute, "rep", {
      params: { id: deal.id },
      body: { status: "open" },
    });
    expect(reopened.body).toMatchObject({ status: "open", closedAt: null, lossReasonId: null });
    const history = await handle.db
      .select()
      .from(dealStageHistory)
      .where(eq(dealStageHistory.dealId, deal.id));
    expect(history.map((h) => h.status)).toEqual(["open", "open", "lost", "open"]);
    const audits = await handle.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, deal.id));
    expect(audits.map((a) => a.action)).toContain("deal.reopened");
  });

  it("lets only the owner change a deal", async () => {
    const deal = await createTestDeal(handle.db, ws, { ownerId: ws.people.rep.id });
    expect(
      (await call(updateDealRoute, "otherRep", { params: { id: deal.id }, body: { name: "Hijacked" } }))
        .status,
    ).toBe(403);
  });

  it("PUT external/{source}/{id} is an idempotent upsert keyed by the CRM id", async () => {
    const params = { source: "salesforce", externalId: "006Dn000004ABCD" };
    const body = {
      name: "Harborview renewal",
      accountName: "Harborview Medical",
      amount: 48000,
      stageName: "discovery",
    };
    const first = await call(upsertExternalDealRoute, "rep", { params, body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      created: true,
      changed: true,
      stageName: "Discovery",
      externalSource: "salesforce",
    });
    const again = await call(upsertExternalDealRoute, "rep", { params, body });
    expect(again.body).toMatchObject({ id: first.body.id, created: false, changed: false });
    const moved = await call(upsertExternalDealRoute, "rep", {
      params,
      body: { ...body, stageName: "Proposal" },
    });
    expect(moved.body).toMatchObject({ id: first.body.id, changed: true, stageName: "Proposal" });
    const [n] = await handle.db
      .select({ n: count() })
      .from(dealStageHistory)
      .where(eq(dealStageHistory.dealId, first.body.id));
    expect(n!.n).toBe(2);
    expect(
      (await call(upsertExternalDealRoute, "rep", { params, body: { ...body, stageName: "Nope" } })).status,
    ).toBe(422);
    expect(
      (
        await call(upsertExternalDealRoute, "rep", {
          params: { ...params, externalId: "other" },
          body: { ...body, ownerEmail: ws.people.otherRep.email },
        })
      ).status,
    ).toBe(403);
    const asAdmin = await call(upsertExternalDealRoute, "admin", {
      params: { ...params, externalId: "for-other" },
      body: { ...body, ownerEmail: ws.people.otherRep.email },
    });
    expect(asAdmin.body.ownerId).toBe(ws.people.otherRep.id);
  });

  it("PUT external/{source}/{id} answers 404 for a CRM record whose deal the caller cannot see", async () => {
    const params = { source: "salesforce", externalId: "006Dn-hidden-from-partners" };
    const body = { name: "Internal renewal", accountName: "Acme", amount: 100, stageName: "Discovery" };
    const internal = await call(upsertExternalDealRoute, "rep", { params, body });
    expect(internal.status).toBe(200);
    const probe = await call(upsertExternalDealRoute, "partnerLow", {
      params,
      body: { ...body, name: "Overwritten by a partner" },
    });
    expect(probe.status).toBe(404);
    expect(probe.body.error.code).toBe("not_found");
    expect(JSON.stringify(probe.body)).not.toContain(internal.body.id);
    const unchanged = await call(getDealRoute, "rep", { params: { id: internal.body.id } });
    expect(unchanged.body.name).toBe("Internal renewal");
    // A record the partner can see (its own) it still upserts.
    const own = { ...params, externalId: "006Dn-partner-own" };
    expect((await call(upsertExternalDealRoute, "partnerLow", { params: own, body })).body.created).toBe(
      true,
    );
    expect((await call(upsertExternalDealRoute, "partnerLow", { params: own, body })).body.created).toBe(
      false,
    );
  });
});

describe("usages API", () => {
  it("records a usage once per Idempotency-Key, lists it, and lets only its author correct or remove it", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws);
    const body = { assetId: asset.id, kind: "presented", reaction: "positive", note: "CFO liked slide 4" };
    const first = await call(createDealUsageRoute, "rep", {
      params: { id: deal.id },
      body,
      key: "usage-idem-1",
    });
    const retry = await call(createDealUsageRoute, "rep", {
      params: { id: deal.id },
      body,
      key: "usage-idem-1",
    });
    expect(first.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const [n] = await handle.db
      .select({ n: count() })
      .from(assetUsages)
      .where(and(eq(assetUsages.dealId, deal.id)));
    expect(n!.n).toBe(1);
    expect(
      (
        await call(createDealUsageRoute, "rep", {
          params: { id: deal.id },
          body: { ...body, note: "other" },
          key: "usage-idem-1",
        })
      ).status,
    ).toBe(409);

    const list = await call(listDealUsagesRoute, "otherRep", { params: { id: deal.id } });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({
      kind: "presented",
      reaction: "positive",
      stageId: deal.stageId,
    });

    expect(
      (
        await call(updateUsageRoute, "otherRep", {
          params: { id: first.body.id },
          body: { note: "mine now" },
        })
      ).status,
    ).toBe(403);
    expect((await call(deleteUsageRoute, "otherRep", { params: { id: first.body.id } })).status).toBe(403);
    const fixed = await call(updateUsageRoute, "rep", {
      params: { id: first.body.id },
      body: { stageId: ws.stages[2]!.id, reaction: null },
    });
    expect(fixed.body).toMatchObject({
      stageId: ws.stages[2]!.id,
      reaction: null,
      note: "CFO liked slide 4",
    });
    expect((await call(deleteUsageRoute, "rep", { params: { id: first.body.id } })).status).toBe(204);
    expect((await call(listDealUsagesRoute, "rep", { params: { id: deal.id } })).body.data).toEqual([]);
  });

  it("a partner cannot read internal deals or their usages", async () => {
    const deal = await createTestDeal(handle.db, ws);
    expect((await call(getDealRoute, "partnerLow", { params: { id: deal.id } })).status).toBe(404);
    expect((await call(listDealUsagesRoute, "partnerLow", { params: { id: deal.id } })).status).toBe(404);
    const list = await call(listDealsRoute, "partnerLow");
    expect(list.body.data.map((d: { id: string }) => d.id)).not.toContain(deal.id);
  });
});
