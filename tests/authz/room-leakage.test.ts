import { randomBytes } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetPartnerOrgs, authThrottle, rooms } from "@/db/schema";
import type { ApiRoute } from "@/server/api/define-route";
import { assetPreviewPageRoute, downloadAssetFile, getAsset } from "@/server/api/routes/assets";
import { getDealRoute, listDealsRoute } from "@/server/api/routes/deals";
import { getRoomRoute } from "@/server/api/routes/rooms";
import { searchAssetsRoute } from "@/server/api/routes/search";
import { createRoom } from "@/server/rooms/create-room";
import {
  receiveRoomBeacon,
  serveRoomDownload,
  serveRoomPageImage,
  serveRoomVideo,
} from "@/server/rooms/public/public-handlers";
import { getRoomDetail } from "@/server/rooms/room-queries";
import { updateRoom } from "@/server/rooms/update-room";
import { buyerBrowser, DESKTOP_BROWSER } from "../rooms/buyer-browser";
import { createTestDatabase } from "../support/test-db";
import {
  assetCases,
  buildLeakageFixture,
  type AssetCase,
  type DealCase,
  type LeakageFixture,
  type MatrixRole,
} from "./leakage-fixture";

// No session cookie outside Next's request scope: a request is authenticated only by what it carries.
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

const assetKeys = Object.keys(assetCases) as AssetCase[];
const sees = (role: MatrixRole, key: AssetCase) => (assetCases[key].seenBy as MatrixRole[]).includes(role);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The people who share rooms, and the deal each of them may share on. */
const sharers = { rep: "repDeal", partnerLow: "lowDeal", partnerStrategic: "strategicDeal" } as const;
type Sharer = keyof typeof sharers;

async function share(who: Sharer, keys: AssetCase[], dealKey: DealCase = sharers[who]) {
  const { room, url } = await createRoom(handle.db, fx.actors[who], fx.dealIds[dealKey], {
    title: `Room of ${who}`,
    message: "",
    assetIds: keys.map((k) => fx.assetIds[k]),
    allowDownload: true,
    emailGate: false,
    allowedEmails: [],
    allowedDomain: null,
    password: null,
  });
  return { room, token: url.split("/r/")[1]! };
}

/** Nothing of an asset outside `inRoom` (title or id), and no id that works anywhere else, in a public body. */
function expectOnlyRoom(text: string, inRoom: AssetCase[], what: string) {
  for (const key of assetKeys) {
    if (inRoom.includes(key)) continue;
    expect(text, `${what} shows ${key}`).not.toContain(assetCases[key].title);
  }
  expect(text, `${what} holds an id`).not.toMatch(UUID);
}

/** Guessing budget shared by every miss without a trusted proxy: reset so these checks can make many. */
const forgetMisses = () => handle.db.delete(authThrottle).where(like(authThrottle.key, "room-guess:%"));

async function callApi(
  route: ApiRoute,
  headers: Record<string, string>,
  params: Record<string, string> = {},
) {
  const res = await route.handler(new Request("http://localhost/api/v1/room-leak", { headers }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, text: await res.text() };
}

describe("a room never holds what its creator may not see", () => {
  it.each(Object.keys(sharers) as Sharer[])(
    "%s: hidden assets are a 404 on create and on change",
    async (who) => {
      const hidden = assetKeys.filter((k) => !sees(who, k));
      expect(hidden.length).toBeGreaterThan(0);
      const before = await handle.db.select().from(rooms).where(eq(rooms.dealId, fx.dealIds[sharers[who]]));
      for (const key of hidden) {
        await expect(share(who, ["allPartners", key]), `${who} shares ${key}`).rejects.toMatchObject({
          status: 404,
        });
      }
      const after = await handle.db.select().from(rooms).where(eq(rooms.dealId, fx.dealIds[sharers[who]]));
      expect(after).toHaveLength(before.length);

      const { room } = await share(who, ["allPartners"]);
      for (const key of hidden) {
        await expect(
          updateRoom(handle.db, fx.actors[who], room.id, {
            assetIds: [fx.assetIds.allPartners, fx.assetIds[key]],
          }),
        ).rejects.toMatchObject({ status: 404 });
      }
      const detail = await getRoomDetail(handle.db, fx.actors[who], room.id);
      expect(detail.assets.map((a) => a.id)).toEqual([fx.assetIds.allPartners]);
    },
  );

  it("nobody shares on a deal they may not edit (a rep sees partner deals, but they are not the rep's)", async () => {
    for (const [who, dealKey] of [
      ["partnerLow", "repDeal"],
      ["partnerLow", "strategicDeal"],
      ["partnerStrategic", "lowDeal"],
      ["rep", "lowDeal"],
    ] as const) {
      await expect(share(who, ["allPartners"], dealKey), `${who} on ${dealKey}`).rejects.toMatchObject({
        status: 404,
      });
    }
    const { room } = await share("partnerStrategic", ["allPartners", "strategicKit"]);
    const res = await callApi(
      getRoomRoute,
      { authorization: `Bearer ${fx.tokens.otherAdmin}` },
      { id: room.id },
    );
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(assetCases.strategicKit.title);
  });

  it("an asset its partner creator can no longer see leaves the room at once, page and endpoints alike", async () => {
    const { token } = await share("partnerStrategic", ["allPartners", "strategicKit"]);
    const buyer = buyerBrowser();
    const open = await (await buyer.open(token)).text();
    expect(open).toContain(assetCases.strategicKit.title);
    // The strategic organisation is no longer named on the kit.
    await handle.db
      .delete(assetPartnerOrgs)
      .where(
        and(
          eq(assetPartnerOrgs.assetId, fx.assetIds.strategicKit),
          eq(assetPartnerOrgs.partnerOrgId, fx.strategicOrg.id),
        ),
      );
    try {
      const page = await (await buyer.open(token)).text();
      expectOnlyRoom(page, ["allPartners"], "the room after withdrawal");
      for (const res of [await buyer.pageImage(token, 1, 1), await buyer.download(token, 1)]) {
        expect(res.status).toBe(410);
        expectOnlyRoom(await res.text(), [], "the withdrawn asset's endpoint");
      }
      const beacon = await buyer.beacon(token, { visibleMs: 3000, events: [{ a: 1, p: 1, ms: 3000 }] });
      expect(beacon.status).toBe(422);
    } finally {
      await handle.db
        .insert(assetPartnerOrgs)
        .values({ assetId: fx.assetIds.strategicKit, partnerOrgId: fx.strategicOrg.id });
    }
  });
});

describe("a room's token and cookie open nothing outside the room", () => {
  it("the page and its endpoints show only the room's assets, addressed by position, with no ids", async () => {
    const inRoom: AssetCase[] = ["internal", "allPartners"];
    const { token } = await share("rep", inRoom);
    const buyer = buyerBrowser();
    const page = await buyer.open(token);
    expect(page.status).toBe(200);
    expectOnlyRoom(await page.text(), inRoom, "the room page");
    expect((await buyer.pageImage(token, 0, 1)).status).toBe(200);
    for (const n of [2, 3, 99]) {
      for (const res of [await buyer.pageImage(token, n, 1), await buyer.download(token, n)]) {
        expect(res.status, `position ${n}`).toBe(410);
        expectOnlyRoom(await res.text(), [], `position ${n}`);
      }
      const beacon = await buyer.beacon(token, { visibleMs: 3000, events: [{ a: n, p: 1, ms: 3000 }] });
      expect(beacon.status).toBe(422);
    }
    // A page past the document's last is refused too.
    expect((await buyer.pageImage(token, 0, 2)).status).not.toBe(200);
  });

  it("the token or the visitor cookie opens no API: not assets (also the room's own), deals or search", async () => {
    const { token } = await share("rep", ["internal"]);
    const buyer = buyerBrowser();
    const cookie = (await buyer.open(token)).headers.get("set-cookie")!.split(";")[0]!;
    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${token}` },
      { authorization: `Bearer bat_${token}` },
      { cookie },
      { cookie: `${cookie}; next-auth.session-token=${token}` },
    ];
    for (const headers of credentials) {
      for (const [route, params] of [
        [getAsset, { id: fx.assetIds.internal }],
        [downloadAssetFile, { id: fx.assetIds.internal }],
        [assetPreviewPageRoute, { id: fx.assetIds.internal, page: "1" }],
        [getDealRoute, { id: fx.dealIds.repDeal }],
        [listDealsRoute, {}],
        [searchAssetsRoute, {}],
      ] as const) {
        const res = await callApi(route, headers, params);
        expect(res.status, `${route.spec.path} with ${Object.keys(headers)[0]}`).toBe(401);
        expect(res.text).not.toContain(assetCases.internal.title);
        expect(res.text).not.toContain(fx.assetIds.internal);
      }
    }
  });

  it("one room's visitor cookie admits nothing in another room", async () => {
    const a = await share("rep", ["allPartners"]);
    const b = await share("rep", ["internal"]);
    const buyer = buyerBrowser();
    const cookie = (await buyer.open(a.token)).headers.get("set-cookie")!.split(";")[0]!;
    const headers = { cookie, "user-agent": DESKTOP_BROWSER };
    const at = (path: string, init: RequestInit = {}) =>
      new Request(`http://localhost/r/${b.token}${path}`, { ...init, headers });
    const answers = [
      await serveRoomPageImage(at("/a/0/pages/1"), b.token, "0", "1"),
      await serveRoomVideo(at("/a/0/stream"), b.token, "0"),
      await serveRoomDownload(at("/a/0/download"), b.token, "0"),
      await receiveRoomBeacon(
        at("/beacon", { method: "POST", body: JSON.stringify({ visibleMs: 3000, events: [] }) }),
        b.token,
      ),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expectOnlyRoom(await res.text(), [], "another room's endpoint");
    }
  });
});

describe("an unknown, expired or revoked link: the same answer on every public endpoint", () => {
  it("page, gate, beacon, page image, stream and download answer alike, with nothing of the room", async () => {
    const revoked = await share("rep", ["internal"]);
    const expired = await share("rep", ["internal"]);
    // Visitors who had the rooms open keep their cookies: even they get the same answer.
    const revokedVisitor = buyerBrowser();
    const expiredVisitor = buyerBrowser();
    await revokedVisitor.open(revoked.token);
    await expiredVisitor.open(expired.token);
    await updateRoom(handle.db, fx.actors.rep, revoked.room.id, { revoke: true });
    await handle.db
      .update(rooms)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(rooms.id, expired.room.id));
    const links = [
      { token: revoked.token, visitor: revokedVisitor },
      { token: expired.token, visitor: expiredVisitor },
      { token: randomBytes(24).toString("base64url"), visitor: buyerBrowser() },
      { token: "not-a-token", visitor: buyerBrowser() },
    ];
    const endpoints: [string, (l: (typeof links)[number]) => Promise<Response>][] = [
      ["page", (l) => l.visitor.open(l.token)],
      ["gate", (l) => l.visitor.unlock(l.token, { email: "ann@harborview.example" })],
      ["beacon", (l) => l.visitor.beacon(l.token, { visibleMs: 3000, events: [] })],
      ["page image", (l) => l.visitor.pageImage(l.token, 0, 1)],
      [
        "stream",
        (l) =>
          serveRoomVideo(
            new Request(`http://localhost/r/${l.token}/a/0/stream`, {
              headers: { "user-agent": DESKTOP_BROWSER },
            }),
            l.token,
            "0",
          ),
      ],
      ["download", (l) => l.visitor.download(l.token, 0)],
    ];
    for (const [what, call] of endpoints) {
      await forgetMisses();
      const answers = [];
      for (const link of links) {
        const res = await call(link);
        answers.push({ status: res.status, type: res.headers.get("content-type"), text: await res.text() });
      }
      expect(
        answers.map((a) => a.status),
        what,
      ).toEqual([410, 410, 410, 410]);
      expect(new Set(answers.map((a) => `${a.type}\n${a.text}`)).size, `${what} differs`).toBe(1);
      expectOnlyRoom(answers[0]!.text, [], what);
      expect(answers[0]!.text).not.toContain("Room of rep");
    }
    await forgetMisses();
  });
});
