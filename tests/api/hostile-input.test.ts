import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { ApiRoute } from "@/server/api/define-route";
import { listAssetAnalyticsRoute } from "@/server/api/routes/analytics";
import { createAsset, updateAssetRoute } from "@/server/api/routes/assets";
import { importDealsRoute, previewImportRoute } from "@/server/api/routes/deal-import";
import { createDealRoute, listDealsRoute, updateDealRoute } from "@/server/api/routes/deals";
import { createRequestRoute } from "@/server/api/routes/requests";
import { searchAssetsRoute } from "@/server/api/routes/search";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { callRoute, tokensFor, type RouteCall } from "../support/call-route";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let tokens: Record<"rep" | "marketer" | "admin", string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  tokens = await tokensFor(handle.db, ws, ["rep", "marketer", "admin"]);
});
afterAll(() => handle.close());

const call = (route: ApiRoute, opts: RouteCall & { who?: keyof typeof tokens } = {}) =>
  callRoute(route, tokens[opts.who ?? "rep"], opts);

const lone = "abc\ud800def";

describe("hostile input at the API door", () => {
  it("refuses a NUL byte in a query string with a 422 naming the parameter", async () => {
    for (const [route, query, field] of [
      [searchAssetsRoute, { q: "abc\0def" }, "q"],
      [listDealsRoute, { q: "abc\0def" }, "q"],
    ] as const) {
      const res = await call(route, { query });
      expect(res.status, route.spec.path).toBe(422);
      expect(res.body.error.fieldErrors[field]).toBeDefined();
    }
    const analytics = await call(listAssetAnalyticsRoute, { who: "marketer", query: { team: "a\0b" } });
    expect(analytics.status).toBe(422);
    expect(analytics.body.error.fieldErrors.team).toBeDefined();
  });

  it("refuses a NUL byte or a lone surrogate in a JSON field with a 422 naming the field", async () => {
    const nul = await call(createRequestRoute, { json: { title: "Need a deck", details: "x\0y" } });
    expect(nul.status).toBe(422);
    expect(nul.body.error.fieldErrors.details).toBeDefined();
    const deal = await createTestDeal(handle.db, ws, { ownerId: ws.people.rep.id });
    const surrogate = await call(updateDealRoute, { params: { id: deal.id }, json: { name: lone } });
    expect(surrogate.status).toBe(422);
    expect(surrogate.body.error.fieldErrors.name).toBeDefined();
  });

  it("de-duplicates repeated ids", async () => {
    const asset = await createTestAsset(handle.db, ws, { stageIds: [ws.stages[0]!.id] });
    const stageId = ws.stages[1]!.id;
    const res = await call(updateAssetRoute, {
      who: "marketer",
      params: { id: asset.id },
      json: { stageIds: [stageId, stageId] },
    });
    expect(res.status).toBe(200);
    expect(res.body.stageIds).toEqual([stageId]);
  });

  it("answers a multipart request without a boundary with a 422", async () => {
    const res = await call(createAsset, {
      who: "marketer",
      contentType: "multipart/form-data",
      body: "--x\r\n\r\n",
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it("reports CSV rows with NUL or binary bytes as bad rows and keeps the good ones", async () => {
    const csv = `Record ID,Deal Name,Amount,Deal Stage\nh-1,Good,100,qualifiedtobuy\nh-2,Bad\0name,100,qualifiedtobuy\nh-3,\u0001\u0002\u00ff\u00fe,5,qualifiedtobuy\n`;
    const res = await call(importDealsRoute, {
      query: { source: "hubspot" },
      contentType: "text/csv",
      body: csv,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2, failed: 1 });
    expect(res.body.errors[0]).toMatchObject({ line: 3 });
    const preview = await call(previewImportRoute, { contentType: "text/csv", body: csv });
    expect(preview.status).toBe(200);
  });

  it("bounds dates", async () => {
    const res = await call(listAssetAnalyticsRoute, {
      who: "marketer",
      query: { from: "0001-01-01", to: "9999-12-31" },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fieldErrors).sort()).toEqual(["from", "to"]);
    const widest = await call(listAssetAnalyticsRoute, {
      who: "marketer",
      query: { from: "1900-01-01", to: "2199-12-31" },
    });
    expect(widest.status).toBe(200);
  });

  it("answers a malformed cursor with a 422", async () => {
    for (const route of [searchAssetsRoute, listDealsRoute]) {
      const res = await call(route, { query: { q: "x", cursor: "zzz" } });
      expect(res.status, route.spec.path).toBe(422);
      expect(res.body.error.fieldErrors.cursor).toBeDefined();
    }
  });

  it("takes a deal's amount only as a JSON number", async () => {
    for (const amount of [null, [], true, "12"]) {
      const res = await call(createDealRoute, {
        json: { name: "Strict", accountName: "Acme", amount, stageId: ws.stages[0]!.id },
      });
      expect(res.status, JSON.stringify(amount)).toBe(422);
      expect(res.body.error.fieldErrors.amount).toBeDefined();
    }
  });
});
