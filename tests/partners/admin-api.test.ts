import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { ApiRoute } from "@/server/api/define-route";
import { updateAssetRoute } from "@/server/api/routes/assets";
import { getMe } from "@/server/api/routes/me";
import {
  createPartnerOrgRoute,
  listPartnerOrgsRoute,
  updatePartnerOrgRoute,
} from "@/server/api/routes/partner-orgs";
import { createUserRoute, listUsersRoute, updateUserRoute } from "@/server/api/routes/users";
import { loadActor } from "@/server/authz/actor";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const people = ["admin", "marketer", "rep", "partnerHigh"] as const;
// `channel` is a marketer flagged as channel manager, made by the test that needs one.
const tokens = { admin: "", marketer: "", rep: "", partnerHigh: "", channel: "" };

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  for (const who of people) {
    tokens[who] = (await createApiToken(handle.db, await ws.actor(ws.people[who]), who)).secret;
  }
});
afterAll(() => handle.close());

async function call(
  route: ApiRoute,
  who: keyof typeof tokens,
  opts: { params?: object; body?: unknown } = {},
) {
  const res = await route.handler(
    new Request("http://localhost/api/v1/test", {
      method: route.spec.method,
      headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json" },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve((opts.params ?? {}) as Record<string, string>) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("admin API: users and partner orgs", () => {
  it("is for admins (and, for partner orgs, channel managers) only", async () => {
    for (const who of ["marketer", "rep", "partnerHigh"] as const) {
      expect((await call(listUsersRoute, who)).status).toBe(403);
      expect((await call(listPartnerOrgsRoute, who)).status).toBe(403);
      expect(
        (await call(createPartnerOrgRoute, who, { body: { name: "X", tierId: ws.tiers[0]!.id } })).status,
      ).toBe(403);
      expect(
        (await call(updateUserRoute, who, { params: { id: ws.people.rep.id }, body: { active: false } }))
          .status,
      ).toBe(403);
    }
  });

  it("lets a channel-manager marketer manage partner organisations over REST, as the UI does", async () => {
    const made = await call(createUserRoute, "admin", {
      body: { email: "channel@example.test", name: "Channel", role: "marketer", password: "a long password" },
    });
    await call(updateUserRoute, "admin", { params: { id: made.body.id }, body: { channelManager: true } });
    const channel = await loadActor(handle.db, made.body.id);
    tokens.channel = (await createApiToken(handle.db, channel!, "channel")).secret;

    const created = await call(createPartnerOrgRoute, "channel", {
      body: { name: "Channel Org", tierId: ws.tiers[0]!.id },
    });
    expect(created.status).toBe(201);
    const moved = await call(updatePartnerOrgRoute, "channel", {
      params: { id: created.body.id },
      body: { tierId: ws.tiers[2]!.id },
    });
    expect(moved.status).toBe(200);
    const listed = await call(listPartnerOrgsRoute, "channel");
    expect(listed.body.data.map((o: { id: string }) => o.id)).toContain(created.body.id);
    // The duty covers partner organisations, not people: user administration stays with admins.
    expect((await call(listUsersRoute, "channel")).status).toBe(403);
  });

  it("provisions an org and a partner user, moves the org's tier, and deactivates it", async () => {
    const org = await call(createPartnerOrgRoute, "admin", {
      body: { name: "Provisioned Partners", tierId: ws.tiers[1]!.id, region: "APAC" },
    });
    expect(org.status).toBe(201);
    expect(org.body).toMatchObject({
      name: "Provisioned Partners",
      region: "APAC",
      active: true,
      members: 0,
    });

    const user = await call(createUserRoute, "admin", {
      body: {
        email: "Seller@Provisioned.test",
        name: "Seller",
        role: "partner",
        partnerOrgId: org.body.id,
        password: "a long password",
      },
    });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({
      email: "seller@provisioned.test",
      role: "partner",
      partnerOrgId: org.body.id,
    });
    expect(user.body).not.toHaveProperty("passwordHash");

    const moved = await call(updatePartnerOrgRoute, "admin", {
      params: { id: org.body.id },
      body: { tierId: ws.tiers[3]!.id },
    });
    expect(moved.body).toMatchObject({ tierId: ws.tiers[3]!.id, members: 1 });
    expect((await loadActor(handle.db, user.body.id))!.partnerTierRank).toBe(ws.tiers[3]!.rank);

    const off = await call(updatePartnerOrgRoute, "admin", {
      params: { id: org.body.id },
      body: { active: false },
    });
    expect(off.body.active).toBe(false);
    expect(await loadActor(handle.db, user.body.id)).toBeNull();

    const list = await call(listPartnerOrgsRoute, "admin");
    expect(list.body.data.map((o: { name: string }) => o.name)).toContain("Provisioned Partners");
    expect(
      (await call(listUsersRoute, "admin")).body.data.some((u: { id: string }) => u.id === user.body.id),
    ).toBe(true);
  });

  it("changes role, partner org, channel-manager flag and active state; other workspaces' users are 404", async () => {
    const flagged = await call(updateUserRoute, "admin", {
      params: { id: ws.people.marketer.id },
      body: { channelManager: true },
    });
    expect(flagged.body.channelManager).toBe(true);
    expect((await call(getMe, "marketer")).body.permissions).toContain("partners.manage");

    const moved = await call(updateUserRoute, "admin", {
      params: { id: ws.people.otherRep.id },
      body: { role: "partner", partnerOrgId: ws.orgs.low.id },
    });
    expect(moved.body).toMatchObject({ role: "partner", partnerOrgId: ws.orgs.low.id });

    const other = await createTestWorkspace(handle.db);
    expect(
      (await call(updateUserRoute, "admin", { params: { id: other.people.rep.id }, body: { active: false } }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(updatePartnerOrgRoute, "admin", {
          params: { id: other.orgs.low.id },
          body: { active: false },
        })
      ).status,
    ).toBe(404);
  });

  it("sets an asset's partner visibility through PATCH /api/v1/assets/{id}", async () => {
    const asset = await createTestAsset(handle.db, ws);
    const res = await call(updateAssetRoute, "admin", {
      params: { id: asset.id },
      body: {
        partnerVisibility: {
          partnerAccess: "tier",
          minPartnerTierId: ws.tiers[2]!.id,
          partnerRegion: "EMEA",
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.partnerVisibility).toEqual({
      partnerAccess: "tier",
      minPartnerTierId: ws.tiers[2]!.id,
      partnerOrgIds: [],
      partnerRegion: "EMEA",
    });
    const bad = await call(updateAssetRoute, "admin", {
      params: { id: asset.id },
      body: { partnerVisibility: { partnerAccess: "tier" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fieldErrors["partnerVisibility.minPartnerTierId"]).toBeDefined();
  });
});
