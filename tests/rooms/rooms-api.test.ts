import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetUsages, assets, rooms } from "@/db/schema";
import {
  createRoomRoute,
  getRoomRoute,
  listDealRoomsRoute,
  updateRoomRoute,
} from "@/server/api/routes/rooms";
import { hashRoomToken } from "@/server/rooms/room-token";
import { createApiToken } from "@/server/tokens/token-service";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { callRoute } from "./api-call";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const who = ["rep", "otherRep", "partnerLow", "marketer", "admin"] as const;
const tokens = {} as Record<(typeof who)[number], string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  for (const w of who) tokens[w] = (await createApiToken(handle.db, await ws.actor(ws.people[w]), w)).secret;
});
afterAll(() => handle.close());

const sharedUsages = (roomId: string) =>
  handle.db
    .select()
    .from(assetUsages)
    .where(and(eq(assetUsages.roomId, roomId), eq(assetUsages.kind, "shared")));

describe("buyer rooms API", () => {
  it("creates a room, records one shared usage per asset at the deal's stage, and replays a retry", async () => {
    const deal = await createTestDeal(handle.db, ws, { stageId: ws.stages[2]!.id });
    const [a, b] = [await createTestAsset(handle.db, ws), await createTestAsset(handle.db, ws)];
    const body = { title: "For Harborview", message: "As discussed", assetIds: [b.id, a.id] };
    const first = await callRoute(createRoomRoute, tokens.rep, {
      params: { id: deal.id },
      body,
      key: "room-1",
    });
    expect(first.status).toBe(201);
    expect(first.body.url).toMatch(/\/r\/[A-Za-z0-9_-]{32}$/);
    expect(first.body.assets.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    expect(first.body.status).toBe("active");
    const days = (Date.parse(first.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const retry = await callRoute(createRoomRoute, tokens.rep, {
      params: { id: deal.id },
      body,
      key: "room-1",
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    expect(await handle.db.select().from(rooms).where(eq(rooms.dealId, deal.id))).toHaveLength(1);

    const usages = await sharedUsages(first.body.id);
    expect(usages.map((u) => u.assetId).sort()).toEqual([a.id, b.id].sort());
    expect(usages.every((u) => u.stageId === ws.stages[2]!.id && u.dealId === deal.id)).toBe(true);

    // Only the token's hash is stored.
    const token = first.body.url.split("/r/")[1];
    const [row] = await handle.db.select().from(rooms).where(eq(rooms.id, first.body.id));
    expect(row!.tokenHash).toBe(hashRoomToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const listed = await callRoute(listDealRoomsRoute, tokens.rep, { params: { id: deal.id } });
    expect(listed.body.data.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    expect(listed.body.data[0].url).toBeUndefined();
  });

  it("adding an asset later records that one; removing and re-adding records nothing more", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const [a, b, c] = [
      await createTestAsset(handle.db, ws),
      await createTestAsset(handle.db, ws),
      await createTestAsset(handle.db, ws),
    ];
    const created = await callRoute(createRoomRoute, tokens.rep, {
      params: { id: deal.id },
      body: { title: "Room", assetIds: [a.id] },
    });
    const id = created.body.id;
    const added = await callRoute(updateRoomRoute, tokens.rep, {
      params: { id },
      body: { assetIds: [c.id, a.id, b.id] },
    });
    expect(added.status).toBe(200);
    expect(added.body.assets.map((x: { id: string }) => x.id)).toEqual([c.id, a.id, b.id]);
    expect(await sharedUsages(id)).toHaveLength(3);
    await callRoute(updateRoomRoute, tokens.rep, { params: { id }, body: { assetIds: [a.id] } });
    const back = await callRoute(updateRoomRoute, tokens.rep, {
      params: { id },
      body: { assetIds: [a.id, b.id] },
    });
    expect(back.body.assets).toHaveLength(2);
    expect(await sharedUsages(id)).toHaveLength(3);
  });

  it("someone else's deal or room is a 404; marketers read but do not share", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws);
    const created = await callRoute(createRoomRoute, tokens.rep, {
      params: { id: deal.id },
      body: { title: "Mine", assetIds: [asset.id] },
    });
    const id = created.body.id;
    for (const other of ["otherRep", "partnerLow"] as const) {
      const body = { title: "Theirs", assetIds: [asset.id] };
      expect(
        (await callRoute(createRoomRoute, tokens[other], { params: { id: deal.id }, body })).status,
      ).toBe(404);
      expect((await callRoute(listDealRoomsRoute, tokens[other], { params: { id: deal.id } })).status).toBe(
        404,
      );
      expect((await callRoute(getRoomRoute, tokens[other], { params: { id } })).status).toBe(404);
      const patch = await callRoute(updateRoomRoute, tokens[other], {
        params: { id },
        body: { revoke: true },
      });
      expect(patch.status).toBe(404);
    }
    const read = await callRoute(getRoomRoute, tokens.marketer, { params: { id } });
    expect(read.status).toBe(200);
    expect(read.body.visitors).toEqual([]);
    const share = await callRoute(createRoomRoute, tokens.marketer, {
      params: { id: deal.id },
      body: { title: "No", assetIds: [asset.id] },
    });
    expect(share.status).toBe(403);
  });

  it("a rep or partner shares only assets they can see; drafts are never shared", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    const asRep = await callRoute(createRoomRoute, tokens.rep, {
      params: { id: deal.id },
      body: { title: "Draft", assetIds: [draft.id] },
    });
    expect(asRep.status).toBe(404);
    const asAdmin = await callRoute(createRoomRoute, tokens.admin, {
      params: { id: deal.id },
      body: { title: "Draft", assetIds: [draft.id] },
    });
    expect(asAdmin.status).toBe(422);
    expect(asAdmin.body.error.fieldErrors.assetIds).toBeDefined();

    const partnerDeal = await createTestDeal(handle.db, ws, {
      ownerId: ws.people.partnerLow.id,
      partnerOrgId: ws.orgs.low.id,
    });
    const internal = await createTestAsset(handle.db, ws);
    const forPartners = await createTestAsset(handle.db, ws, { partnerAccess: "all" });
    const hidden = await callRoute(createRoomRoute, tokens.partnerLow, {
      params: { id: partnerDeal.id },
      body: { title: "P", assetIds: [forPartners.id, internal.id] },
    });
    expect(hidden.status).toBe(404);
    const ok = await callRoute(createRoomRoute, tokens.partnerLow, {
      params: { id: partnerDeal.id },
      body: { title: "P", assetIds: [forPartners.id] },
    });
    expect(ok.status).toBe(201);
    expect(await handle.db.select().from(rooms).where(eq(rooms.dealId, partnerDeal.id))).toHaveLength(1);
  });

  it("rejects bad input with field errors and keeps nothing", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const asset = await createTestAsset(handle.db, ws);
    const cases = [
      { title: "", assetIds: [asset.id] },
      { title: "T", assetIds: [] },
      { title: "T", assetIds: [asset.id, asset.id] },
      { title: "T", assetIds: [asset.id], expiresAt: "2001-01-01T00:00:00Z" },
      { title: "T", assetIds: [asset.id], allowedDomain: "not a domain" },
      { title: "T", assetIds: [asset.id], password: "short" },
    ];
    for (const body of cases) {
      const res = await callRoute(createRoomRoute, tokens.rep, { params: { id: deal.id }, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect(await handle.db.select().from(rooms).where(eq(rooms.dealId, deal.id))).toHaveLength(0);
  });

  it("extends, gates, revokes (final), and drops assets the creator may no longer share", async () => {
    const deal = await createTestDeal(handle.db, ws);
    const [a, b] = [await createTestAsset(handle.db, ws), await createTestAsset(handle.db, ws)];
    const created = await callRoute(createRoomRoute, tokens.rep, {
      params: { id: deal.id },
      body: {
        title: "Room",
        assetIds: [a.id, b.id],
        allowedDomain: "@Harborview.example",
        password: "open sesame",
      },
    });
    expect(created.body.emailGate).toBe(true);
    expect(created.body.allowedDomain).toBe("harborview.example");
    expect(created.body.hasPassword).toBe(true);
    const [row] = await handle.db.select().from(rooms).where(eq(rooms.id, created.body.id));
    expect(row!.passwordHash).not.toContain("open sesame");

    const later = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const extended = await callRoute(updateRoomRoute, tokens.rep, {
      params: { id: created.body.id },
      body: { expiresAt: later },
    });
    expect(extended.body.expiresAt).toBe(later);

    await handle.db.update(assets).set({ status: "archived" }).where(eq(assets.id, b.id));
    const afterArchive = await callRoute(getRoomRoute, tokens.rep, { params: { id: created.body.id } });
    expect(afterArchive.body.assets.map((x: { id: string }) => x.id)).toEqual([a.id]);

    const relinked = await callRoute(updateRoomRoute, tokens.rep, {
      params: { id: created.body.id },
      body: { newLink: true },
    });
    expect(relinked.body.url).toMatch(/\/r\//);
    const [relinkedRow] = await handle.db.select().from(rooms).where(eq(rooms.id, created.body.id));
    expect(relinkedRow!.tokenHash).not.toBe(row!.tokenHash);

    const revoked = await callRoute(updateRoomRoute, tokens.rep, {
      params: { id: created.body.id },
      body: { revoke: true },
    });
    expect(revoked.body.status).toBe("revoked");
    const again = await callRoute(updateRoomRoute, tokens.rep, {
      params: { id: created.body.id },
      body: { expiresAt: later },
    });
    expect(again.status).toBe(409);
  });
});
