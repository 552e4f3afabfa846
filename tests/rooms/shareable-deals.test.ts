import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { deals } from "@/db/schema";
import { createRoom } from "@/server/rooms/create-room";
import { listShareableDeals } from "@/server/rooms/shareable-deals";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let elsewhere: TestWorkspace;
let made: Record<string, string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  elsewhere = await createTestWorkspace(handle.db);
  const p = ws.people;
  const deal = async (opts: Parameters<typeof createTestDeal>[2]) =>
    (await createTestDeal(handle.db, ws, opts)).id;
  made = {
    repOpen: await deal({ ownerId: p.rep.id }),
    repWon: await deal({ ownerId: p.rep.id }),
    otherRep: await deal({ ownerId: p.otherRep.id }),
    admin: await deal({ ownerId: p.admin.id }),
    // A partner deal is the org's, whoever registered it; an internal owner does not make it the rep's.
    lowOrgByPartner: await deal({ ownerId: p.partnerLow.id, partnerOrgId: ws.orgs.low.id }),
    lowOrgOwnedByRep: await deal({ ownerId: p.rep.id, partnerOrgId: ws.orgs.low.id }),
    highOrg: await deal({ ownerId: p.partnerHigh.id, partnerOrgId: ws.orgs.high.id }),
    lowOrgLost: await deal({ ownerId: p.partnerLow.id, partnerOrgId: ws.orgs.low.id }),
    elsewhere: (await createTestDeal(handle.db, elsewhere, { ownerId: elsewhere.people.rep.id })).id,
  };
  await handle.db.update(deals).set({ status: "won" }).where(eq(deals.id, made.repWon!));
  await handle.db.update(deals).set({ status: "lost" }).where(eq(deals.id, made.lowOrgLost!));
});
afterAll(() => handle.close());

const named = (ids: string[]) =>
  ids.map((id) => Object.entries(made).find(([, v]) => v === id)?.[0] ?? `unknown ${id}`).sort();

describe("the deals to share an asset in, from the asset page", () => {
  it.each([
    ["rep", ["lowOrgOwnedByRep", "repOpen"]],
    ["otherRep", ["otherRep"]],
    ["admin", ["admin"]],
    ["marketer", []],
    ["partnerLow", ["lowOrgByPartner", "lowOrgOwnedByRep"]],
    ["partnerHigh", ["highOrg"]],
  ] as const)("%s sees only its own open deals", async (who, expected) => {
    const actor = await ws.actor(ws.people[who]);
    const listed = await listShareableDeals(handle.db, actor);
    expect(named(listed.map((d) => d.id))).toEqual([...expected].sort());
    expect(listed.every((d) => typeof d.stageName === "string" && d.accountName.length > 0)).toBe(true);
  });

  it("never lists another workspace's deals", async () => {
    const listed = await listShareableDeals(handle.db, await elsewhere.actor(elsewhere.people.rep));
    expect(named(listed.map((d) => d.id))).toEqual(["elsewhere"]);
  });

  it("every deal it lists is one the actor may create a room on", async () => {
    for (const who of ["rep", "admin", "partnerLow"] as const) {
      const actor = await ws.actor(ws.people[who]);
      const asset = await createTestAsset(handle.db, ws, { partnerAccess: "all" });
      for (const d of await listShareableDeals(handle.db, actor)) {
        const { room } = await createRoom(handle.db, actor, d.id, {
          title: "From the asset page",
          message: "",
          assetIds: [asset.id],
          allowDownload: true,
          emailGate: false,
          allowedEmails: [],
          allowedDomain: null,
          password: null,
        });
        expect(room.dealId).toBe(d.id);
      }
    }
  });
});
