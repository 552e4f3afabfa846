import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assets, roomPageDwell, roomVisitAssets, roomVisits, rooms } from "@/db/schema";
import { extractText } from "@/server/files/extract-text";
import { createRoom } from "@/server/rooms/create-room";
import { updateRoom } from "@/server/rooms/update-room";
import { pdfWith } from "../files/fixtures";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { uploadFromRequest } from "../support/uploads";
import { buyerBrowser } from "./buyer-browser";
import { downloadAssetFile, getAsset } from "@/server/api/routes/assets";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

/** A buyer's browser: keeps the room's cookie and sends requests from one address. */
const buyer = buyerBrowser;

async function shareRoom(assetIds: string[], extra: Partial<Parameters<typeof createRoom>[3]> = {}) {
  const deal = await createTestDeal(handle.db, ws);
  const { room, url } = await createRoom(handle.db, await ws.actor(ws.people.rep), deal.id, {
    title: "Reading for Harborview",
    message: "Here is what we discussed.",
    assetIds,
    allowDownload: true,
    emailGate: false,
    allowedEmails: [],
    allowedDomain: null,
    password: null,
    ...extra,
  });
  return { room, token: url.split("/r/")[1]!, deal };
}

async function pagedAsset(pages: number) {
  const asset = await createTestAsset(handle.db, ws, { title: `Deck ${pages}`, pages });
  return asset;
}

const visitsOf = (roomId: string) => handle.db.select().from(roomVisits).where(eq(roomVisits.roomId, roomId));

describe("the buyer's page", () => {
  it("shows the room with nothing internal, under a strict CSP and noindex", async () => {
    const asset = await pagedAsset(3);
    await handle.db
      .update(assets)
      .set({ internalNotes: "Discount floor is 30%" })
      .where(eq(assets.id, asset.id));
    const { token } = await shareRoom([asset.id]);
    const res = await buyer().open(token);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Reading for Harborview");
    expect(page).toContain("Here is what we discussed.");
    expect(page).toContain(ws.people.rep.name);
    expect(page).toContain(asset.title);
    expect(page).toContain(`/r/${token}/a/0/pages/3`);
    expect(page).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(page).not.toContain("Discount floor");
    expect(page).not.toContain(ws.people.marketer.name);
    for (const stage of ws.stages) expect(page).not.toContain(stage.name);
    expect(page).not.toMatch(/https?:\/\//);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-robots-tag")).toContain("noindex");
    expect(res.headers.get("set-cookie")).toContain(`Path=/r/${token}`);
    expect(res.headers.get("set-cookie")).toContain("HttpOnly");
  });

  it("an unknown, expired or revoked link gets the same plain 410, and guessing is rate limited", async () => {
    const asset = await createTestAsset(handle.db, ws);
    const revoked = await shareRoom([asset.id]);
    const expired = await shareRoom([asset.id]);
    const visitor = buyer();
    expect((await visitor.open(revoked.token)).status).toBe(200);
    await updateRoom(handle.db, await ws.actor(ws.people.rep), revoked.room.id, { revoke: true });
    await handle.db
      .update(rooms)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(rooms.id, expired.room.id));

    const answers = [];
    for (const token of [revoked.token, expired.token, "A".repeat(32), "not-a-token"]) {
      const res = await buyer().open(token);
      answers.push({ status: res.status, text: await res.text() });
    }
    expect(answers.every((a) => a.status === 410)).toBe(true);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    // An already-open page's endpoints answer 410 at once.
    expect((await visitor.beacon(revoked.token, { visibleMs: 3000, events: [] })).status).toBe(410);
    expect((await visitor.pageImage(revoked.token, 0, 1)).status).toBe(410);

    const guesser = buyer();
    const statuses = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await guesser.open(`${"B".repeat(30)}${String(i).padStart(2, "0")}`)).status);
    // Without a trusted proxy (TRUSTED_PROXY_HOPS=0) no address is known and all misses share one budget,
    // which this file's earlier misses have partly used: misses are 410 until the budget runs out, then 429.
    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(firstRefusal).toBeLessThanOrEqual(20);
    expect(statuses.slice(0, firstRefusal).every((s) => s === 410)).toBe(true);
    expect(statuses.slice(firstRefusal).every((s) => s === 429)).toBe(true);
  });

  it("stores a person's per-page reading time and drops forged, absurd and flooding beacons", async () => {
    const deck = await pagedAsset(4);
    const { room, token } = await shareRoom([deck.id]);
    const visitor = buyer();
    await visitor.open(token);
    const [visit] = await visitsOf(room.id);
    expect(visit!.engagedAt).toBeNull();

    const forged = [
      { visibleMs: 3000, events: [{ a: 7, p: 1, ms: 1000 }] },
      { visibleMs: 3000, events: [{ a: 0, p: 5, ms: 1000 }] },
      { visibleMs: 3000, events: [{ a: 0, p: 1, ms: 29_000 }] },
      { visibleMs: 3000, events: [{ a: 0, p: 1, ms: -5 }] },
      { visibleMs: "3000", events: [] },
    ];
    for (const body of forged)
      expect((await visitor.beacon(token, body)).status, JSON.stringify(body)).toBe(422);
    expect(await handle.db.select().from(roomPageDwell).where(eq(roomPageDwell.visitId, visit!.id))).toEqual(
      [],
    );
    expect((await visitsOf(room.id))[0]!.engagedAt).toBeNull();

    const ok = await visitor.beacon(token, {
      visibleMs: 3000,
      events: [
        { a: 0, p: 1, ms: 1800 },
        { a: 0, p: 2, ms: 1200 },
      ],
    });
    expect(ok.status).toBe(204);
    const dwell = await handle.db.select().from(roomPageDwell).where(eq(roomPageDwell.visitId, visit!.id));
    expect(dwell.map((d) => [d.page, d.dwellMs]).sort()).toEqual([
      [1, 1800],
      [2, 1200],
    ]);
    const [perAsset] = await handle.db
      .select()
      .from(roomVisitAssets)
      .where(eq(roomVisitAssets.visitId, visit!.id));
    expect(perAsset).toMatchObject({ lastPage: 2, dwellMs: 3000 });
    expect((await visitsOf(room.id))[0]!.engagedAt).not.toBeNull();

    const statuses = [];
    for (let i = 0; i < 62; i++)
      statuses.push((await visitor.beacon(token, { visibleMs: 0, events: [] })).status);
    expect(statuses).toContain(429);
  });

  it("beacons of counted visits arriving together are written together, with the same checks", async () => {
    const deck = await pagedAsset(3);
    const { room, token } = await shareRoom([deck.id]);
    const tracked = buyer();
    const private_ = buyer({ headers: { dnt: "1" } });
    const others = [buyer(), buyer(), buyer()];
    const everyone = [tracked, private_, ...others];
    for (const b of everyone) {
      await b.open(token);
      expect((await b.beacon(token, { visibleMs: 3000, events: [] })).status).toBe(204);
    }
    const visits = await visitsOf(room.id);
    expect(visits.every((v) => v.engagedAt !== null)).toBe(true);
    await handle.db
      .update(roomVisits)
      .set({ lastBeaconAt: sql`now() - interval '1 minute'` })
      .where(eq(roomVisits.roomId, room.id));

    // All at once, so they share batches: good ones are stored, forged and absurd ones refused whole.
    const answers = await Promise.all([
      tracked.beacon(token, { visibleMs: 3000, events: [{ a: 0, p: 2, ms: 3000 }] }),
      private_.beacon(token, { visibleMs: 3000, events: [{ a: 0, p: 1, ms: 3000 }] }),
      others[0]!.beacon(token, { visibleMs: 3000, events: [{ a: 1, p: 1, ms: 1000 }] }),
      others[1]!.beacon(token, { visibleMs: 3000, events: [{ a: 0, p: 4, ms: 1000 }] }),
      others[2]!.beacon(token, {
        visibleMs: 3000,
        events: [
          { a: 0, p: 1, ms: 30_000 },
          { a: 0, p: 2, ms: 30_000 },
          { a: 0, p: 3, ms: 30_000 },
        ],
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([204, 204, 422, 422, 422]);
    const dwell = await handle.db
      .select({ visitId: roomPageDwell.visitId, page: roomPageDwell.page, ms: roomPageDwell.dwellMs })
      .from(roomPageDwell)
      .innerJoin(roomVisits, eq(roomVisits.id, roomPageDwell.visitId))
      .where(eq(roomVisits.roomId, room.id));
    // Only the tracked visitor's page time: the DNT visitor's beacon counts, its page time is not kept.
    expect(dwell.map((d) => [d.page, d.ms])).toEqual([[2, 3000]]);
    expect(visits.find((v) => v.id === dwell[0]!.visitId)!.doNotTrack).toBe(false);
    const [rollup] = await handle.db
      .execute<{ read_ms: string }>(sql`select read_ms from analytics_room_assets where room_id = ${room.id}`)
      .then((r) => r.rows);
    expect(Number(rollup!.read_ms)).toBe(3000);

    // A flood from one counted visit is cut at the per-visit limit, whichever path its beacons take.
    const statuses = await Promise.all(
      Array.from({ length: 70 }, () => others[0]!.beacon(token, { visibleMs: 0, events: [] })),
    );
    expect(statuses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((r) => r.status === 204 || r.status === 429)).toBe(true);

    // Revoked: the next beacon of an open page is refused at once: 410, or 429 when this file's earlier
    // misses have used up the shared per-address budget for unknown links (no trusted proxy in tests).
    await updateRoom(handle.db, await ws.actor(ws.people.rep), room.id, { revoke: true });
    expect([410, 429]).toContain((await tracked.beacon(token, { visibleMs: 0, events: [] })).status);
  });

  it("bots and link scanners never count, and beacons without visible time do not make a visit count", async () => {
    const asset = await pagedAsset(2);
    const { room, token } = await shareRoom([asset.id]);
    const scanner = buyer({ userAgent: "Mozilla/5.0 (compatible; Proofpoint URL Defense)" });
    await scanner.open(token);
    expect(
      (await scanner.beacon(token, { visibleMs: 3000, events: [{ a: 0, p: 1, ms: 3000 }] })).status,
    ).toBe(204);
    const quick = buyer();
    await quick.open(token);
    await quick.beacon(token, { visibleMs: 500, events: [] });
    const visits = await visitsOf(room.id);
    expect(visits).toHaveLength(2);
    expect(visits.find((v) => v.bot)).toBeDefined();
    expect(visits.every((v) => v.engagedAt === null)).toBe(true);
    expect(
      await handle.db
        .select()
        .from(roomPageDwell)
        .where(eq(roomPageDwell.visitId, visits.find((v) => v.bot)!.id)),
    ).toEqual([]);
  });

  it("Do-Not-Track: the visit counts, per-page time is not kept", async () => {
    const asset = await pagedAsset(2);
    const { room, token } = await shareRoom([asset.id]);
    const visitor = buyer({ headers: { "sec-gpc": "1" } });
    await visitor.open(token);
    expect(
      (await visitor.beacon(token, { visibleMs: 3000, events: [{ a: 0, p: 1, ms: 3000 }] })).status,
    ).toBe(204);
    const [visit] = await visitsOf(room.id);
    expect(visit!.doNotTrack).toBe(true);
    expect(visit!.engagedAt).not.toBeNull();
    expect(await handle.db.select().from(roomPageDwell).where(eq(roomPageDwell.visitId, visit!.id))).toEqual(
      [],
    );
  });

  it("gates by email domain and password before showing or serving anything", async () => {
    const asset = await pagedAsset(2);
    const { room, token } = await shareRoom([asset.id], {
      allowedDomain: "harborview.example",
      password: "open sesame",
    });
    const visitor = buyer();
    const gate = await (await visitor.open(token)).text();
    expect(gate).toContain('name="email"');
    expect(gate).not.toContain(asset.title);
    expect((await visitor.pageImage(token, 0, 1)).status).toBe(403);
    expect((await visitor.beacon(token, { visibleMs: 3000, events: [] })).status).toBe(403);

    const wrongDomain = await visitor.unlock(token, {
      email: "eve@elsewhere.example",
      password: "open sesame",
    });
    expect(wrongDomain.status).toBe(422);
    const wrongPassword = await visitor.unlock(token, { email: "ann@harborview.example", password: "guess" });
    expect(wrongPassword.status).toBe(422);
    const ok = await visitor.unlock(token, { email: "Ann@Harborview.example", password: "open sesame" });
    expect(ok.status).toBe(303);
    expect(await (await visitor.open(token)).text()).toContain(asset.title);
    const [visit] = await visitsOf(room.id);
    expect(visit).toMatchObject({ email: "ann@harborview.example" });
    expect(visit!.engagedAt).not.toBeNull();
  });

  it("a downloaded PDF is stamped with the visitor's email and the date; view-only rooms refuse", async () => {
    const form = new FormData();
    form.append(
      "metadata",
      JSON.stringify({
        title: "Pricing brief",
        type: "deck",
        stageIds: [ws.stages[0]!.id],
        status: "published",
      }),
    );
    form.append("file", new Blob([(await pdfWith("Pricing for Harborview")) as BlobPart]), "brief.pdf");
    const uploaded = await uploadFromRequest(
      handle.db,
      await ws.actor(ws.people.marketer),
      new Request("http://localhost/api/v1/assets", { method: "POST", body: form }),
    );
    const { room, token } = await shareRoom([uploaded.id], { emailGate: true });
    const visitor = buyer();
    await visitor.open(token);
    await visitor.unlock(token, { email: "ann@harborview.example" });
    const res = await visitor.download(token, 0);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const text = (await extractText(new Uint8Array(await res.arrayBuffer()), "application/pdf"))!;
    expect(text).toContain("Shared with ann@harborview.example");
    expect(text).toContain(new Date().toISOString().slice(0, 10));
    const [visit] = await visitsOf(room.id);
    const [perAsset] = await handle.db
      .select()
      .from(roomVisitAssets)
      .where(eq(roomVisitAssets.visitId, visit!.id));
    expect(perAsset!.downloads).toBe(1);

    await updateRoom(handle.db, await ws.actor(ws.people.rep), room.id, { allowDownload: false });
    expect((await visitor.download(token, 0)).status).toBe(403);
    expect(await (await visitor.open(token)).text()).not.toContain("/download");
  });

  it("the room's token opens nothing outside the room (its cookie is scoped to the room's path)", async () => {
    const asset = await pagedAsset(2);
    const { token } = await shareRoom([asset.id]);
    const res = await buyer().open(token);
    expect(res.headers.get("set-cookie")).toContain(`Path=/r/${token};`);
    for (const route of [getAsset, downloadAssetFile]) {
      const answer = await route.handler(
        new Request(`http://localhost/api/v1/assets/${asset.id}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id: asset.id }) },
      );
      expect(answer.status).toBe(401);
      expect(await answer.text()).not.toContain(asset.title);
    }
  });
});
