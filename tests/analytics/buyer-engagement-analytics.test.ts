import fs from "node:fs";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { analyticsRoomAssets, assetVersions, deals, files, roomVisits } from "@/db/schema";
import { getAssetAnalyticsRoute } from "@/server/api/routes/analytics";
import { getAssetBuyerEngagement } from "@/server/analytics/buyer-engagement";
import { wilsonInterval } from "@/server/analytics/metrics";
import { summarizeBuyerEngagement } from "@/lib/buyer-engagement-summary";
import { createRoom } from "@/server/rooms/create-room";
import { loadDealRooms } from "@/server/rooms/room-queries";
import { createApiToken } from "@/server/tokens/token-service";
import { pdfWith } from "../files/fixtures";
import { callRoute } from "../rooms/api-call";
import { buyerBrowser, type BuyerBrowser } from "../rooms/buyer-browser";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { uploadFromRequest } from "../support/uploads";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const room = async (assetIds: string[], owner: { id: string } = ws.people.rep) => {
  const deal = await createTestDeal(handle.db, ws, { ownerId: owner.id });
  const { room, url } = await createRoom(handle.db, await ws.actor(owner), deal.id, {
    title: "For Harborview",
    message: "",
    assetIds,
    allowDownload: true,
    emailGate: false,
    allowedEmails: [],
    allowedDomain: null,
    password: null,
  });
  return { room, deal, token: url.split("/r/")[1]! };
};

/** A beacon as the page sends it, after letting enough time pass for what it claims. */
async function read(
  visitor: BuyerBrowser,
  token: string,
  roomId: string,
  events: { a: number; p: number; ms: number }[],
  visibleMs = 3000,
) {
  await handle.db
    .update(roomVisits)
    .set({ lastBeaconAt: sql`now() - interval '1 hour'` })
    .where(eq(roomVisits.roomId, roomId));
  const res = await visitor.beacon(token, { visibleMs, events });
  expect(res.status).toBe(204);
}

const pages = (from: number, to: number, ms: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ a: 0, p: from + i, ms }));

async function setPages(assetId: string, count: number) {
  const [v] = await handle.db.select().from(assetVersions).where(eq(assetVersions.assetId, assetId));
  await handle.db
    .update(files)
    .set({ previewPageCount: count, pageCount: count })
    .where(eq(files.id, v!.fileId));
}

const close = (dealId: string, status: "won" | "lost") =>
  handle.db.update(deals).set({ status, closedAt: new Date() }).where(eq(deals.id, dealId));

/** Each analytics_room_assets row recounted from the rooms' raw visit rows. */
async function expectRollupEqualsRecount(workspaceId: string) {
  const { rows } = await handle.db.execute<{
    room_id: string;
    asset_id: string;
    rollup: string;
    recount: string;
  }>(sql`
    SELECT ra.room_id, ra.asset_id,
           json_build_object('readers', ra.readers, 'first', ra.first_opened_at, 'ms', ra.read_ms,
                             'page', ra.furthest_page, 'downloads', ra.downloads)::text AS rollup,
           json_build_object('readers', c.readers, 'first', c.first_opened_at, 'ms', c.read_ms,
                             'page', c.furthest_page, 'downloads', c.downloads)::text AS recount
      FROM analytics_room_assets ra
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS readers, min(va.first_opened_at) AS first_opened_at,
               coalesce(sum(va.dwell_ms), 0)::bigint AS read_ms, coalesce(max(va.last_page), 0) AS furthest_page,
               coalesce(sum(va.downloads), 0)::int AS downloads
          FROM room_visit_assets va
          JOIN room_visits v ON v.id = va.visit_id
         WHERE v.room_id = ra.room_id AND va.asset_id = ra.asset_id AND NOT v.bot AND v.engaged_at IS NOT NULL
      ) c
     WHERE ra.workspace_id = ${workspaceId}`);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows)
    expect({ key: `${r.room_id}:${r.asset_id}`, value: r.rollup }).toEqual({
      key: `${r.room_id}:${r.asset_id}`,
      value: r.recount,
    });
}

describe("buyer engagement analytics (the analytics_room_assets rollup)", () => {
  let deck: { id: string };
  let clip: { id: string };
  const rooms: Awaited<ReturnType<typeof room>>[] = [];

  it("counts rooms, opens, median read time and page drop-off exactly, leaving bots and unproven visits out", async () => {
    const form = new FormData();
    form.append(
      "metadata",
      JSON.stringify({
        title: "Pricing deck",
        type: "deck",
        stageIds: [ws.stages[1]!.id],
        status: "published",
      }),
    );
    form.append("file", new Blob([(await pdfWith("Pricing for Harborview")) as BlobPart]), "deck.pdf");
    deck = await uploadFromRequest(
      handle.db,
      await ws.actor(ws.people.marketer),
      new Request("http://localhost/api/v1/assets", { method: "POST", body: form }),
    );
    await setPages(deck.id, 5);
    clip = await createTestAsset(handle.db, ws, { title: "Customer clip" });
    for (let i = 0; i < 5; i++) rooms.push(await room(i < 2 ? [deck.id, clip.id] : [deck.id]));
    const [r1, r2, r3, r4, r5] = rooms as [
      (typeof rooms)[0],
      (typeof rooms)[0],
      (typeof rooms)[0],
      (typeof rooms)[0],
      (typeof rooms)[0],
    ];

    // Room 1: two buyers; together 30 s, the furthest of them at page 3; the clip for 4 s.
    const ann = buyerBrowser();
    await ann.open(r1.token);
    await read(ann, r1.token, r1.room.id, [...pages(1, 2, 10_000), { a: 0, p: 3, ms: 5000 }]);
    const ben = buyerBrowser();
    await ben.open(r1.token);
    await read(ben, r1.token, r1.room.id, [
      { a: 0, p: 1, ms: 5000 },
      { a: 1, p: 1, ms: 4000 },
    ]);
    // Room 2: every page, 20 s; the clip for 7 s.
    const cat = buyerBrowser();
    await cat.open(r2.token);
    await read(cat, r2.token, r2.room.id, [...pages(1, 5, 4000), { a: 1, p: 1, ms: 7000 }]);
    // Room 3: only a link scanner, which reports reading too: not a buyer, so not opened.
    const scanner = buyerBrowser({ userAgent: "Mozilla/5.0 HeadlessChrome/131.0 Safari/537.36" });
    await scanner.open(r3.token);
    await read(scanner, r3.token, r3.room.id, [{ a: 0, p: 1, ms: 30_000 }]);
    // Room 4: a first beacon without enough visible time (not yet a person), then one with it: both count.
    const dan = buyerBrowser();
    await dan.open(r4.token);
    await read(dan, r4.token, r4.room.id, [{ a: 0, p: 1, ms: 1000 }], 1000);
    expect((await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, {})).openedRooms).toBe(2);
    await read(dan, r4.token, r4.room.id, [{ a: 0, p: 2, ms: 2000 }]);
    // Room 5: a buyer who only downloads it.
    const eve = buyerBrowser();
    await eve.open(r5.token);
    await read(eve, r5.token, r5.room.id, []);
    expect((await eve.download(r5.token, 0)).status).toBe(200);

    await expectRollupEqualsRecount(ws.workspace.id);
    const d = await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, {});
    expect(d).toMatchObject({
      rooms: 5,
      openedRooms: 4,
      openedShare: 0.8,
      // Rooms with reading time: 3 s, 20 s, 30 s.
      medianReadMs: 20_000,
      downloads: 1,
      pageCount: 5,
    });
    expect(d.dropOff).toEqual([
      { page: 1, reached: 3, reachedShare: 1, stopped: 0 },
      { page: 2, reached: 3, reachedShare: 1, stopped: 1 },
      { page: 3, reached: 2, reachedShare: 2 / 3, stopped: 1 },
      { page: 4, reached: 1, reachedShare: 1 / 3, stopped: 0 },
      { page: 5, reached: 1, reachedShare: 1 / 3, stopped: 1 },
    ]);
    const c = await getAssetBuyerEngagement(handle.db, ws.workspace.id, clip.id, {});
    // An even number of rooms: the mean of the two middle ones.
    expect(c).toMatchObject({ rooms: 2, openedRooms: 2, medianReadMs: 5500, pageCount: null, dropOff: [] });

    // The deal page's summary of room 1: both assets opened, by two buyers, 30 s on the deck and 4 s on the clip.
    const dealRooms = await loadDealRooms(handle.db, await ws.actor(ws.people.rep), r1.deal.id);
    expect(summarizeBuyerEngagement(dealRooms!)).toEqual({
      rooms: 1,
      sharedAssets: 2,
      openedAssets: 2,
      buyers: 2,
      readSeconds: 34,
      downloads: 0,
      lastOpenedAt: expect.any(String),
    });

    // Filters: by stage shared at, by the deals' owner, and by the period it was shared in.
    const other = await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, {
      stageId: ws.stages[0]!.id,
    });
    expect(other).toMatchObject({ rooms: 0, openedRooms: 0, openedShare: null, medianReadMs: null });
    expect(
      await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, { repId: ws.people.otherRep.id }),
    ).toMatchObject({ rooms: 0 });
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, { from: tomorrow }),
    ).toMatchObject({
      rooms: 0,
      dropOff: [1, 2, 3, 4, 5].map((page) => ({ page, reached: 0, reachedShare: null, stopped: 0 })),
    });
  });

  it("compares the win rate of deals whose buyer opened the asset with deals where it went unopened", async () => {
    const [r1, r2, r3, , r5] = rooms;
    await close(r1!.deal.id, "won");
    await close(r2!.deal.id, "lost");
    await close(r3!.deal.id, "won");
    await close(r5!.deal.id, "won");
    const few = (await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, {})).outcome;
    expect(few).toEqual({
      engaged: { won: 2, lost: 1, closed: 3, rate: 2 / 3, interval: wilsonInterval(2, 3) },
      notOpened: { won: 1, lost: 0, closed: 1, rate: 1, interval: wilsonInterval(1, 1) },
      lift: null,
      verdict: "too_few",
    });

    // Ten more closed deals on each side: 7 won of 10 engaged, 3 won of 10 unopened.
    for (let i = 0; i < 20; i++) {
      const engaged = i < 10;
      const r = await room([deck.id]);
      if (engaged) {
        const buyer = buyerBrowser();
        await buyer.open(r.token);
        await read(buyer, r.token, r.room.id, [{ a: 0, p: 1, ms: 1000 }]);
      }
      await close(r.deal.id, (engaged ? i < 7 : i < 13) ? "won" : "lost");
    }
    const enough = (await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, {})).outcome;
    expect(enough.engaged).toMatchObject({ won: 9, lost: 4, closed: 13, rate: 9 / 13 });
    expect(enough.notOpened).toMatchObject({ won: 4, lost: 7, closed: 11, rate: 4 / 11 });
    expect(enough.lift).toBeCloseTo(9 / 13 - 4 / 11, 12);
    expect(enough.engaged.interval).toEqual(wilsonInterval(9, 13));
    // The engaged interval's low end (0.42) is above the unopened rate (0.36).
    expect(enough.verdict).toBe("higher");
    // Deals closed outside the period do not count.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await getAssetBuyerEngagement(handle.db, ws.workspace.id, deck.id, { from: tomorrow })).outcome.engaged
        .closed,
    ).toBe(0);
  });

  it("is the same through the API, with the rest of the asset's analytics", async () => {
    const { secret: token } = await createApiToken(
      handle.db,
      await ws.actor(ws.people.marketer),
      "analytics",
    );
    const res = await callRoute(getAssetAnalyticsRoute, token, { params: { id: clip.id } });
    expect(res.status).toBe(200);
    expect(res.body.buyerEngagement).toMatchObject({
      rooms: 2,
      openedRooms: 2,
      openedShare: 1,
      medianReadMs: 5500,
    });
    const { secret: repToken } = await createApiToken(handle.db, await ws.actor(ws.people.rep), "rep");
    expect((await callRoute(getAssetAnalyticsRoute, repToken, { params: { id: clip.id } })).status).toBe(403);
  });

  it("stays equal to a recount under concurrent beacons in one room, and when visits or rooms go away", async () => {
    const shared = await room([deck.id, clip.id]);
    const buyers = Array.from({ length: 6 }, () => buyerBrowser());
    for (const b of buyers) await b.open(shared.token);
    await handle.db
      .update(roomVisits)
      .set({ lastBeaconAt: sql`now() - interval '1 hour'` })
      .where(eq(roomVisits.roomId, shared.room.id));
    for (let round = 0; round < 3; round++) {
      const sent = await Promise.all(
        buyers.map((b, i) =>
          b.beacon(shared.token, {
            visibleMs: 3000,
            events: [
              { a: i % 2, p: 1, ms: 1000 + i },
              { a: 0, p: 1 + ((i + round) % 5), ms: 500 },
            ],
          }),
        ),
      );
      expect(sent.map((r) => r.status)).toEqual(buyers.map(() => 204));
    }
    await expectRollupEqualsRecount(ws.workspace.id);
    const [row] = await handle.db
      .select()
      .from(analyticsRoomAssets)
      .where(
        sql`${analyticsRoomAssets.roomId} = ${shared.room.id} AND ${analyticsRoomAssets.assetId} = ${deck.id}`,
      );
    // Each round: buyers 0, 2, 4 read 1,000 + i ms of it, and all six 500 ms.
    expect(row).toMatchObject({ readers: 6, readMs: 3 * (1000 + 1002 + 1004 + 6 * 500) });

    const visits = await handle.db.select().from(roomVisits).where(eq(roomVisits.roomId, shared.room.id));
    await handle.db.delete(roomVisits).where(
      inArray(
        roomVisits.id,
        visits.slice(0, 2).map((v) => v.id),
      ),
    );
    await expectRollupEqualsRecount(ws.workspace.id);
    await handle.db.update(roomVisits).set({ bot: true }).where(eq(roomVisits.id, visits[2]!.id));
    await expectRollupEqualsRecount(ws.workspace.id);
    await handle.db.delete(deals).where(eq(deals.id, shared.deal.id));
    await expectRollupEqualsRecount(ws.workspace.id);
  });

  it("stays equal to a recount when counted visits add reading while new ones start counting and others download", async () => {
    const shared = await room([deck.id, clip.id]);
    const buyers = Array.from({ length: 8 }, () => buyerBrowser());
    for (const b of buyers) await b.open(shared.token);
    await handle.db
      .update(roomVisits)
      .set({ lastBeaconAt: sql`now() - interval '1 hour'` })
      .where(eq(roomVisits.roomId, shared.room.id));
    // Half of them are counted buyers already (deltas from now on); the others start counting mid-way,
    // each in a round where the counted ones beacon and download at the same time (recount and deltas).
    const engage = (b: BuyerBrowser) =>
      b.beacon(shared.token, { visibleMs: 3000, events: [{ a: 0, p: 1, ms: 700 }] });
    for (const b of buyers.slice(0, 4)) expect((await engage(b)).status).toBe(204);
    for (let round = 0; round < 4; round++) {
      const sent = await Promise.all([
        engage(buyers[4 + round]!),
        ...buyers.slice(0, 4).flatMap((b, i) => [
          b.beacon(shared.token, {
            visibleMs: 1000,
            events: [
              { a: 0, p: 1 + ((i + round) % 3), ms: 300 + i },
              { a: 1, p: 1, ms: 100 },
            ],
          }),
          b.download(shared.token, 0),
        ]),
      ]);
      expect(sent.map((r) => r.status).filter((s) => s !== 200 && s !== 204)).toEqual([]);
      await expectRollupEqualsRecount(ws.workspace.id);
    }
    const rows = await handle.db
      .select()
      .from(analyticsRoomAssets)
      .where(eq(analyticsRoomAssets.roomId, shared.room.id));
    expect(rows.reduce((sum, r) => sum + r.readers, 0)).toBeGreaterThanOrEqual(8);
    expect(rows.reduce((sum, r) => sum + r.downloads, 0)).toBe(16);
  });

  it("the migration's backfill rebuilds the same rollup from existing rooms", async () => {
    const before = await handle.db
      .select()
      .from(analyticsRoomAssets)
      .where(eq(analyticsRoomAssets.workspaceId, ws.workspace.id));
    await handle.db.execute(sql`TRUNCATE analytics_room_assets`);
    const text = fs.readFileSync("db/migrations/0028_room_engagement_triggers.sql", "utf8");
    for (const statement of text.slice(text.indexOf("-- Backfill")).split("--> statement-breakpoint")) {
      await handle.db.execute(sql.raw(statement));
    }
    const after = await handle.db
      .select()
      .from(analyticsRoomAssets)
      .where(eq(analyticsRoomAssets.workspaceId, ws.workspace.id));
    const byKey = (rows: typeof before) =>
      [...rows].sort((a, b) => `${a.roomId}${a.assetId}`.localeCompare(`${b.roomId}${b.assetId}`));
    expect(byKey(after)).toEqual(byKey(before));
    await expectRollupEqualsRecount(ws.workspace.id);
  });
});
