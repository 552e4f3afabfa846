import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { createToken, listTokens } from "@/server/api/routes/tokens";
import { callRoute } from "../support/call-route";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let session: { uid: string; sv: number } | null = null;
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => session,
}));

let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const fromOwnPages = { "sec-fetch-site": "same-origin" };

describe("API tokens and partners (decided: partners get none)", () => {
  it("refuses a partner a token, while a rep gets one", async () => {
    session = { uid: ws.people.partnerLow.id, sv: 0 };
    const refused = await callRoute(createToken, null, { json: { name: "CRM sync" }, headers: fromOwnPages });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect((await callRoute(listTokens, null)).status).toBe(403);

    session = { uid: ws.people.rep.id, sv: 0 };
    const created = await callRoute(createToken, null, { json: { name: "CRM sync" }, headers: fromOwnPages });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^bat_/);
  });
});
