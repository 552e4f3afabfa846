import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { deals } from "@/db/schema";
import { createDealRoute, listDealsRoute } from "@/server/api/routes/deals";
import { callRoute, tokensFor } from "../support/call-route";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

// The session cookie, as next-auth would read it: signed in as the rep unless a test says otherwise.
let session: { uid: string; sv: number } | null = null;
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session,
}));

let handle: DatabaseHandle;
let ws: TestWorkspace;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  token = (await tokensFor(handle.db, ws, ["rep"])).rep;
  session = { uid: ws.people.rep.id, sv: 0 };
});
afterAll(() => handle.close());

const countDeals = async () =>
  (await handle.db.select({ n: count() }).from(deals).where(eq(deals.workspaceId, ws.workspace.id)))[0]!.n;

const deal = () => ({ name: "Cross-site?", accountName: "Acme", amount: 1, stageId: ws.stages[0]!.id });

describe("cookie-authenticated API writes", () => {
  it("refuses a write from another site, or one that does not say where it comes from, with a 403 JSON error", async () => {
    const before = await countDeals();
    const attempts: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site", origin: "http://evil.example" },
      { "sec-fetch-site": "same-site" },
      // A matching Origin does not outvote the browser's own Sec-Fetch-Site.
      { "sec-fetch-site": "cross-site", origin: "http://localhost" },
      {},
    ];
    for (const headers of attempts) {
      const res = await callRoute(createDealRoute, null, {
        body: JSON.stringify(deal()),
        contentType: "text/plain",
        headers,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error).toMatchObject({
        code: "forbidden",
        message: expect.stringContaining("API token"),
      });
    }
    expect(await countDeals()).toBe(before);
  });

  it("accepts the app's own pages: Sec-Fetch-Site same-origin, or its Origin when that header is absent", async () => {
    const fromOwnPages: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin" },
      { origin: "http://localhost" },
    ];
    for (const headers of fromOwnPages) {
      const res = await callRoute(createDealRoute, null, { json: deal(), headers });
      expect(res.status, JSON.stringify(headers)).toBe(201);
    }
  });

  it("leaves reads and Bearer-token calls alone", async () => {
    const read = await callRoute(listDealsRoute, null, { headers: { origin: "http://evil.example" } });
    expect(read.status).toBe(200);
    const viaToken = await callRoute(createDealRoute, token, {
      json: deal(),
      headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(viaToken.status).toBe(201);
  });
});
