import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { ApiRoute } from "@/server/api/define-route";
import {
  assetPreviewPageRoute,
  assetThumbnailRoute,
  assetVideoStreamRoute,
  downloadAssetFile,
  downloadAssetVersionRoute,
  getAsset,
  updateAssetRoute,
} from "@/server/api/routes/assets";
import { getDealRoute, listDealsRoute, updateDealRoute } from "@/server/api/routes/deals";
import { recordSearchClickRoute, searchAssetsRoute } from "@/server/api/routes/search";
import { createDealUsageRoute, listDealUsagesRoute } from "@/server/api/routes/usages";
import { proxy } from "@/proxy";
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
  type DealCase,
  type LeakageFixture,
  type MatrixRole,
  type Ref,
} from "./leakage-fixture";

// Outside Next's request scope there is no cookie to read: "anonymous" is a request with no session and no
// token. Signed-in roles authenticate with real API tokens through the real resolver.
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));

let handle: DatabaseHandle;
let fx: LeakageFixture;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  fx = await buildLeakageFixture(handle.db);
}, 120_000);
afterAll(() => handle.close());

async function call(
  route: ApiRoute,
  role: MatrixRole,
  opts: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
) {
  const url = new URL("http://localhost/api/v1/matrix");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...opts.headers };
  if (fx.tokens[role]) headers.authorization = `Bearer ${fx.tokens[role]}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await route.handler(
    new Request(url, {
      method: route.spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, text: bytes.toString("latin1") };
}

/** No title or id of an asset (or deal) the role may not see, nor anything of another workspace, is in the body. */
function expectNoLeak(role: MatrixRole, text: string, what: string) {
  expect(fx.leaksIn(role, text), `${what}: what ${role} sees`).toEqual([]);
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe.each(roles)("%s", (role) => {
  const signedIn = role !== "anonymous";
  const fixtureAssetIds = () => assetRefs.map((ref) => fx.assetId(ref));

  it.each(assetRefs)("asset $label: object, file, thumbnail, page and stream URLs", async (ref) => {
    const id = fx.assetId(ref);
    const visible = sees(role, ref);
    const reads: [string, ApiRoute, Record<string, string>, number][] = [
      ["asset", getAsset, { id }, 200],
      ["download", downloadAssetFile, { id }, 200],
      ["thumbnail", assetThumbnailRoute, { id }, 200],
      ["page", assetPreviewPageRoute, { id, page: "1" }, 200],
      // A PDF has no video stream for anyone; what matters is the same answer whether or not it exists.
      ["stream", assetVideoStreamRoute, { id }, 404],
    ];
    for (const [what, route, params, okStatus] of reads) {
      const res = await call(route, role, { params });
      expect(res.status, `${role} ${what} ${ref.label}`).toBe(!signedIn ? 401 : visible ? okStatus : 404);
      if (what !== "download") expectNoLeak(role, res.text, `${what} ${ref.label}`);
    }

    const version = await call(downloadAssetVersionRoute, role, {
      params: { id, versionId: fx.content[ref.tenant].versionIds[ref.key] },
    });
    const patch = await call(updateAssetRoute, role, {
      params: { id },
      body: { description: "matrix edit" },
    });
    for (const [what, res] of [
      ["version download", version],
      ["edit", patch],
    ] as const) {
      // Managers manage their own workspace's content; another workspace's is not found.
      const expected = !signedIn ? 401 : !managesContent(role) ? 403 : visible ? 200 : 404;
      expect(res.status, `${role} ${what} ${ref.label}`).toBe(expected);
      if (what === "edit") expectNoLeak(role, res.text, `${what} ${ref.label}`);
    }
  });

  it("search results, totals and facet counts hold only visible assets, with or without words", async () => {
    const expected = assetRefs
      .filter((ref) => sees(role, ref))
      .map((ref) => fx.assetId(ref))
      .sort();
    const queries: Record<string, string>[] = [
      { q: "zircon" },
      {},
      { q: "zircon comarketing kit" },
      { q: "unreleased roadmap" },
    ];
    for (const query of queries) {
      const res = await call(searchAssetsRoute, role, { query: { ...query, limit: "50", record: "false" } });
      if (!signedIn) {
        expect(res.status).toBe(401);
        continue;
      }
      expect(res.status).toBe(200);
      expectNoLeak(role, res.text, `search ${JSON.stringify(query)}`);
      const body = json(res.text) as {
        items: { id: string }[];
        total: number;
        facets: { stage: { value: string; count: number }[] };
      };
      const ours = body.items.map((i) => i.id).filter((id) => fixtureAssetIds().includes(id));
      if (query.q === "zircon") {
        // Both workspaces hold the word: the totals and counts are this workspace's visible assets only.
        expect(ours.sort()).toEqual(expected);
        expect(body.total).toBe(expected.length);
        const stage = body.facets.stage.find((s) => s.value === fx.wsOf(role).stages[1]!.id);
        expect(stage?.count ?? 0).toBe(expected.length);
      } else {
        expect(ours.every((id) => expected.includes(id))).toBe(true);
      }
    }
  });

  it("cursor tampering: a manager's cursor, a cursor forged to a hidden id, and garbage reveal nothing", async () => {
    const first = json(
      (await call(searchAssetsRoute, "marketer", { query: { q: "zircon", limit: "1", record: "false" } }))
        .text,
    );
    const cursor = first.nextCursor as string;
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { id: string };
    const forged = assetRefs
      .filter((ref) => !sees(role, ref))
      .map((ref) => Buffer.from(JSON.stringify({ ...decoded, id: fx.assetId(ref) })).toString("base64url"));
    for (const c of [cursor, ...forged]) {
      const res = await call(searchAssetsRoute, role, {
        query: { q: "zircon", limit: "50", cursor: c, record: "false" },
      });
      expect(res.status).toBe(signedIn ? 200 : 401);
      expectNoLeak(role, res.text, "search with a cursor");
    }
    const garbage = await call(searchAssetsRoute, role, {
      query: { q: "zircon", cursor: "eyJoIjoxfQ", record: "false" },
    });
    expect(garbage.status).toBe(signedIn ? 422 : 401);
    expectNoLeak(role, garbage.text, "garbage cursor");
  });

  it("search clicks on hidden assets are refused without confirming they exist", async () => {
    if (!signedIn) return expect((await call(recordSearchClickRoute, role, { body: {} })).status).toBe(401);
    const search = json((await call(searchAssetsRoute, role, { query: { q: "zircon" } })).text);
    for (const ref of assetRefs.filter((r) => !sees(role, r))) {
      const res = await call(recordSearchClickRoute, role, {
        body: { searchId: search.searchId, assetId: fx.assetId(ref) },
      });
      expect(res.status, `click on ${ref.label}`).toBe(404);
      expectNoLeak(role, res.text, "search click");
    }
  });

  it.each(dealRefs)("deal $label: list, object, edit, usages", async (ref) => {
    const id = fx.dealId(ref);
    const visible = seesDeal(role, ref);
    const list = await call(listDealsRoute, role, { query: { scope: "all", limit: "100" } });
    expect(list.status).toBe(signedIn ? 200 : 401);
    expectNoLeak(role, list.text, "deal list");
    expect(list.text.includes(id)).toBe(signedIn && visible);

    const get = await call(getDealRoute, role, { params: { id } });
    expect(get.status).toBe(!signedIn ? 401 : visible ? 200 : 404);
    expectNoLeak(role, get.text, `deal ${ref.label}`);

    const usages = await call(listDealUsagesRoute, role, { params: { id } });
    expect(usages.status).toBe(!signedIn ? 401 : visible ? 200 : 404);
    expectNoLeak(role, usages.text, `usages of ${ref.label}`);

    if (!visible) {
      const edit = await call(updateDealRoute, role, { params: { id }, body: { name: "renamed by matrix" } });
      expect([401, 403, 404]).toContain(edit.status);
      const usage = await call(createDealUsageRoute, role, {
        params: { id },
        body: { assetId: fx.content[ref.tenant].assetIds.allPartners, kind: "sent" },
      });
      expect([401, 403, 404]).toContain(usage.status);
      expectNoLeak(role, edit.text + usage.text, `writes to ${ref.label}`);
    }
  });

  // The deal each role may edit; roles without one have no case here.
  const editableDeal: Partial<Record<MatrixRole, DealCase>> = {
    rep: "repDeal",
    partnerLow: "lowDeal",
    partnerStrategic: "strategicDeal",
    otherRep: "repDeal",
    otherPartner: "strategicDeal",
  };
  it.skipIf(!editableDeal[role])("logging a hidden asset on a deal the role may edit is a 404", async () => {
    const dealKey = editableDeal[role]!;
    const deal: Ref<DealCase> = { tenant: tenantOf(role)!, key: dealKey, label: dealKey };
    for (const ref of assetRefs.filter((r) => !sees(role, r))) {
      const res = await call(createDealUsageRoute, role, {
        params: { id: fx.dealId(deal) },
        body: { assetId: fx.assetId(ref), kind: "sent" },
      });
      expect(res.status, `log ${ref.label}`).toBe(404);
      expectNoLeak(role, res.text, "log usage");
    }
  });

  it("guessed ids answer exactly like hidden ones", async () => {
    const guess = "00000000-0000-4000-8000-000000000000";
    for (const route of [getAsset, downloadAssetFile, assetThumbnailRoute, getDealRoute]) {
      expect((await call(route, role, { params: { id: guess } })).status).toBe(signedIn ? 404 : 401);
    }
  });
});

describe("a forged x-middleware-subrequest header", () => {
  const forged = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };

  it("does not get an anonymous caller past the API's own authentication", async () => {
    for (const [route, params] of [
      [getAsset, { id: fx.assetIds.allPartners }],
      [downloadAssetFile, { id: fx.assetIds.allPartners }],
      [assetThumbnailRoute, { id: fx.assetIds.allPartners }],
      [listDealsRoute, {}],
    ] as const) {
      const res = await call(route, "anonymous", { params, headers: forged });
      expect(res.status).toBe(401);
      expectNoLeak("anonymous", res.text, "forged header");
    }
  });

  it("does not let a partner's request act as anyone else", async () => {
    const res = await call(getAsset, "partnerLow", { params: { id: fx.assetIds.goldPlus }, headers: forged });
    expect(res.status).toBe(404);
  });

  it("does not skip the proxy's redirect of signed-out page requests", () => {
    const res = proxy(new NextRequest("http://localhost/library", { headers: forged }));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).pathname).toBe("/signin");
  });
});
