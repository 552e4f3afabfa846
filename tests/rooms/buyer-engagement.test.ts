import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { notifications, roomVisits } from "@/db/schema";
import { createRoom } from "@/server/rooms/create-room";
import { buyerReadingLine, dealBuyerReading } from "@/server/rooms/deal-buyer-reading";
import { receiveRoomBeacon, serveRoomPage } from "@/server/rooms/public/public-handlers";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const BROWSER =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1";

function buyer(address: string) {
  let cookie = "";
  const headers = () => ({
    "user-agent": BROWSER,
    "x-forwarded-for": address,
    ...(cookie ? { cookie } : {}),
  });
  return {
    open: async (token: string) => {
      const res = await serveRoomPage(
        new Request(`http://localhost/r/${token}`, { headers: headers() }),
        token,
      );
      const set = res.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0]!;
      return res;
    },
    beacon: (token: string, body: unknown) =>
      receiveRoomBeacon(
        new Request(`http://localhost/r/${token}/beacon`, {
          method: "POST",
          headers: { ...headers(), "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        token,
      ),
  };
}

async function deck(pages: number) {
  const asset = await createTestAsset(handle.db, ws, { title: `Pricing deck ${pages}`, pages });
  return asset;
}

const repNotifications = () =>
  handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, ws.people.rep.id), eq(notifications.kind, "buyer_engagement")));

describe("buyer engagement back on the deal", () => {
  it("tells the rep once when the buyer first reads, and again when they come back after a day", async () => {
    const asset = await deck(4);
    const deal = await createTestDeal(handle.db, ws);
    const { room, url } = await createRoom(handle.db, await ws.actor(ws.people.rep), deal.id, {
      title: "Pricing for Harborview",
      message: "",
      assetIds: [asset.id],
      allowDownload: true,
      emailGate: false,
      allowedEmails: [],
      allowedDomain: null,
      password: null,
    });
    const token = url.split("/r/")[1]!;
    const visitor = buyer("198.51.100.7");
    await visitor.open(token);
    expect(await repNotifications()).toHaveLength(0);
    const read = { visibleMs: 3000, events: [{ a: 0, p: 1, ms: 3000 }] };
    expect((await visitor.beacon(token, read)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 3100));
    expect(
      (await visitor.beacon(token, { visibleMs: 3000, events: [{ a: 0, p: 2, ms: 3000 }] })).status,
    ).toBe(204);
    const first = await repNotifications();
    expect(first).toHaveLength(1);
    expect(first[0]!.title).toContain("opened “Pricing for Harborview”");
    expect(first[0]!.link).toBe(`/deals/${deal.id}#rooms`);

    // Opening again the same day is not news.
    await visitor.open(token);
    expect(await repNotifications()).toHaveLength(1);
    await handle.db
      .update(roomVisits)
      .set({ lastSeenAt: sql`now() - interval '2 days'` })
      .where(eq(roomVisits.roomId, room.id));
    await visitor.open(token);
    await visitor.open(token);
    const after = await repNotifications();
    expect(after).toHaveLength(2);
    expect(after.map((n) => n.title)).toContainEqual(expect.stringContaining("came back"));

    const reading = await dealBuyerReading(handle.db, await ws.actor(ws.people.rep), deal.id);
    expect(reading).toHaveLength(1);
    expect(reading[0]).toMatchObject({ assetId: asset.id, pagesRead: 2, pageCount: 4, dwellMs: 6000 });
    expect(buyerReadingLine(reading[0]!)).toBe(`Buyer read “${asset.title}”: 2 of 4 pages, 1 min`);
    expect(await dealBuyerReading(handle.db, await ws.actor(ws.people.otherRep), deal.id)).toEqual([]);
  });
});
