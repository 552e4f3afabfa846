import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { eq } from "drizzle-orm";
import { apiTokens, partnerOrgs, users } from "@/db/schema";
import { LAST_USED_PRECISION_MS } from "@/server/api/api-actor";
import { getMe, getStages } from "@/server/api/routes/me";
import { createAsset, getAsset } from "@/server/api/routes/assets";
import { updatePartnerOrg } from "@/server/partners/partner-orgs";
import { createApiToken, revokeApiToken } from "@/server/tokens/token-service";
import { updateUser } from "@/server/users/user-admin";
import { createTestDatabase } from "../support/test-db";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";
import type { ApiRoute } from "@/server/api/define-route";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let repToken: string;
let marketerToken: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  repToken = (await createApiToken(handle.db, await ws.actor(ws.people.rep), "rep")).secret;
  marketerToken = (await createApiToken(handle.db, await ws.actor(ws.people.marketer), "mk")).secret;
});
afterAll(() => handle.close());

function call(
  route: ApiRoute,
  opts: {
    token?: string;
    params?: Record<string, string>;
    body?: BodyInit;
    headers?: Record<string, string>;
    path?: string;
  } = {},
) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const request = new Request(`http://localhost${opts.path ?? "/api/v1/x"}`, {
    method: route.spec.method,
    headers,
    body: opts.body,
    ...(opts.body ? { duplex: "half" } : {}),
  } as RequestInit);
  return route.handler(request, { params: Promise.resolve(opts.params ?? {}) });
}

describe("API layer", () => {
  it("GET /me answers with the token's user and role", async () => {
    const res = await call(getMe, { token: repToken });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: ws.people.rep.id, role: "rep", partnerOrg: null });
    expect(body.permissions).toContain("usage.write");
    expect(body.permissions).not.toContain("users.manage");
  });

  it("GET /stages lists the workspace stages in order", async () => {
    const res = await call(getStages, { token: repToken });
    const body = await res.json();
    expect(body.data.map((s: { name: string }) => s.name)).toEqual(ws.stages.map((s) => s.name));
  });

  it("rejects an unknown, malformed or revoked token with 401 in the one error format", async () => {
    const unknown = await call(getMe, { token: "bat_not-a-real-token" });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });

    const malformed = await call(getMe, { headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);

    const actor = await ws.actor(ws.people.otherRep);
    const { token, secret } = await createApiToken(handle.db, actor, "short-lived");
    expect((await call(getMe, { token: secret })).status).toBe(200);
    await revokeApiToken(handle.db, actor, token.id);
    expect((await call(getMe, { token: secret })).status).toBe(401);
  });

  it("a token acts only while its user is active (and a partner's organisation too)", async () => {
    const rep = await ws.actor(ws.people.otherRep);
    const partner = await ws.actor(ws.people.partnerHigh);
    const repToken = (await createApiToken(handle.db, rep, "deactivated later")).secret;
    const partnerToken = (await createApiToken(handle.db, partner, "org deactivated later")).secret;
    expect((await call(getMe, { token: repToken })).status).toBe(200);
    expect(await (await call(getMe, { token: partnerToken })).json()).toMatchObject({
      id: ws.people.partnerHigh.id,
      role: "partner",
    });
    try {
      await handle.db.update(users).set({ active: false }).where(eq(users.id, rep.userId));
      await handle.db.update(partnerOrgs).set({ active: false }).where(eq(partnerOrgs.id, ws.orgs.high.id));
      expect((await call(getMe, { token: repToken })).status).toBe(401);
      expect((await call(getMe, { token: partnerToken })).status).toBe(401);
    } finally {
      await handle.db.update(users).set({ active: true }).where(eq(users.id, rep.userId));
      await handle.db.update(partnerOrgs).set({ active: true }).where(eq(partnerOrgs.id, ws.orgs.high.id));
    }
    expect((await call(getMe, { token: repToken })).status).toBe(200);
  });

  it("reactivating a user, or a partner's organisation, does not bring an old token back", async () => {
    const admin = await ws.actor(ws.people.admin);
    const rep = await ws.actor(ws.people.otherRep);
    const partner = await ws.actor(ws.people.partnerLow);
    const repToken = (await createApiToken(handle.db, rep, "before deactivation")).secret;
    const partnerToken = (await createApiToken(handle.db, partner, "before org deactivation")).secret;
    await updateUser(handle.db, admin, { userId: rep.userId, active: false });
    await updateUser(handle.db, admin, { userId: rep.userId, active: true });
    await updatePartnerOrg(handle.db, admin, ws.orgs.low.id, { active: false });
    await updatePartnerOrg(handle.db, admin, ws.orgs.low.id, { active: true });
    expect((await call(getMe, { token: repToken })).status).toBe(401);
    expect((await call(getMe, { token: partnerToken })).status).toBe(401);
    // The people themselves are back: a token made now works.
    const fresh = (await createApiToken(handle.db, await ws.actor(ws.people.otherRep), "after")).secret;
    expect((await call(getMe, { token: fresh })).status).toBe(200);
  });

  it("records when a token was last used, to the minute, without a write on every call", async () => {
    const actor = await ws.actor(ws.people.rep);
    const { token, secret } = await createApiToken(handle.db, actor, "last-used");
    const lastUsed = async () =>
      (await handle.db.select().from(apiTokens).where(eq(apiTokens.id, token.id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    expect((await call(getMe, { token: secret })).status).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await call(getMe, { token: secret })).status).toBe(200);
    expect(await lastUsed()).toEqual(first);
    const stale = new Date(Date.now() - LAST_USED_PRECISION_MS - 5_000);
    await handle.db.update(apiTokens).set({ lastUsedAt: stale }).where(eq(apiTokens.id, token.id));
    expect((await call(getMe, { token: secret })).status).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(stale.getTime() + 1_000);
  });

  it("a user cannot revoke another user's token (404, not 403)", async () => {
    const mine = await createApiToken(handle.db, await ws.actor(ws.people.marketer), "mine");
    await expect(
      revokeApiToken(handle.db, await ws.actor(ws.people.rep), mine.token.id),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers 403 when the role lacks the permission", async () => {
    const res = await call(createAsset, {
      token: repToken,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "--x--",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("answers 422 with field errors for invalid path parameters", async () => {
    const res = await call(getAsset, { token: repToken, params: { id: "not-a-uuid" } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fieldErrors.id).toBeDefined();
  });

  it("answers 404 for an asset the caller may not see, exactly as for one that does not exist", async () => {
    const draft = await createTestAsset(handle.db, ws, { status: "draft", title: "Secret draft" });
    const hidden = await call(getAsset, { token: repToken, params: { id: draft.id } });
    const missing = await call(getAsset, {
      token: repToken,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await hidden.text()).toBe(await missing.text());
    const asMarketer = await call(getAsset, { token: marketerToken, params: { id: draft.id } });
    expect(asMarketer.status).toBe(200);
  });
});
