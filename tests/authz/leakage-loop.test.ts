import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import type { ApiRoute } from "@/server/api/define-route";
import { getAssetAnalyticsRoute, listAssetAnalyticsRoute } from "@/server/api/routes/analytics";
import {
  getAssetFeedbackRoute,
  listAssetCommentsRoute,
  postAssetCommentRoute,
  rateAssetRoute,
} from "@/server/api/routes/feedback";
import { listNotificationsRoute, markNotificationsReadRoute } from "@/server/api/routes/notifications";
import {
  createRequestRoute,
  listRequestsRoute,
  updateRequestRoute,
  voteRequestRoute,
} from "@/server/api/routes/requests";
import type { Actor } from "@/server/authz/actor";
import { getActor } from "@/server/auth/session";
import {
  acknowledgeRatingsAction,
  mentionCandidatesAction,
  postCommentAction,
  rateAssetAction,
} from "@/server/feedback/feedback-actions";
import { listAnnouncements } from "@/server/notifications/announcements";
import { followAction, publishAnnouncementAction } from "@/server/notifications/notification-actions";
import { attachPlayAction, savePlayAction } from "@/server/plays/play-actions";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestDatabase } from "../support/test-db";
import {
  assetCases,
  buildLeakageFixture,
  dealCases,
  roles,
  type AssetCase,
  type DealCase,
  type LeakageFixture,
} from "./leakage-fixture";

// The loop features (analytics, feedback, field requests, notifications, plays) against the same matrix.
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("@/server/auth/session", () => ({ getActor: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/** The matrix roles plus a marketer of the other workspace, who must see nothing of this one. */
const loopRoles = [...roles, "otherMarketer"] as const;
type LoopRole = (typeof loopRoles)[number];

let handle: DatabaseHandle;
let fx: LeakageFixture;
const tokens = {} as Record<LoopRole, string>;
const actors = {} as Record<Exclude<LoopRole, "anonymous">, Actor>;
const secrets = {
  strategicThread: "zircon quartzite strategic question",
  repThread: "zircon basalt rep remark",
};
const ids = {
  strategicThread: "",
  strategicRequest: "",
  lowRequest: "",
  repRequest: "",
  adminNote: "",
  play: "",
};

async function call(
  route: ApiRoute,
  role: LoopRole,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
) {
  const url = new URL("http://localhost/api/v1/loop");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (tokens[role]) headers.authorization = `Bearer ${tokens[role]}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await route.handler(
    new Request(url, {
      method: route.spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  return { status: res.status, text: await res.text() };
}

function actAs(role: LoopRole) {
  vi.mocked(getActor).mockResolvedValue(role === "anonymous" ? null : actors[role]);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  fx = await buildLeakageFixture(handle.db);
  Object.assign(tokens, fx.tokens);
  Object.assign(actors, fx.actors);
  actors.otherMarketer = await fx.other.actor(fx.other.people.marketer);
  tokens.otherMarketer = (await createApiToken(handle.db, actors.otherMarketer, "loop")).secret;

  // Threads by a partner and by a rep on an asset every partner may see.
  const posted = await call(postAssetCommentRoute, "partnerStrategic", {
    params: { id: fx.assetIds.allPartners },
    body: { body: secrets.strategicThread, kind: "question" },
  });
  ids.strategicThread = (JSON.parse(posted.text) as { id: string }).id;
  await call(postAssetCommentRoute, "rep", {
    params: { id: fx.assetIds.allPartners },
    body: { body: secrets.repThread },
  });

  // Requests from two partner orgs and a rep; partnerLow's is delivered with an asset it may not see.
  const request = async (role: LoopRole, title: string, dealId?: string) =>
    (JSON.parse((await call(createRequestRoute, role, { body: { title, dealId } })).text) as { id: string })
      .id;
  ids.strategicRequest = await request("partnerStrategic", "zircon ask strategic", fx.dealIds.strategicDeal);
  ids.lowRequest = await request("partnerLow", "zircon ask low", fx.dealIds.lowDeal);
  ids.repRequest = await request("rep", "zircon ask rep", fx.dealIds.repDeal);
  for (const status of ["accepted", "delivered"] as const) {
    const res = await call(updateRequestRoute, "admin", {
      params: { id: ids.lowRequest },
      body: status === "delivered" ? { status, deliveredAssetId: fx.assetIds.goldPlus } : { status },
    });
    expect(res.status).toBe(200);
  }

  // A notification of the admin's, and one to partnerLow about an asset it can no longer see.
  const [note] = await handle.db
    .insert(notifications)
    .values([
      {
        workspaceId: fx.ws.workspace.id,
        recipientId: fx.ws.people.admin.id,
        kind: "asset_published",
        title: "admin only note",
        link: `/assets/${fx.assetIds.internal}`,
        assetId: fx.assetIds.internal,
        dedupeKey: "loop-admin",
      },
      {
        workspaceId: fx.ws.workspace.id,
        recipientId: fx.ws.people.partnerLow.id,
        kind: "asset_published",
        title: assetCases.goldPlus.title,
        link: `/assets/${fx.assetIds.goldPlus}`,
        assetId: fx.assetIds.goldPlus,
        dedupeKey: "loop-stale",
      },
    ])
    .returning();
  ids.adminNote = note!.id;

  actAs("marketer");
  const announced = await publishAnnouncementAction({
    title: "zircon loop announcement",
    fieldNote: "Use these in the field",
    includeReps: true,
    minPartnerTierId: fx.ws.tiers[0]!.id,
    assetIds: [fx.assetIds.allPartners, fx.assetIds.goldPlus, fx.assetIds.internal],
  });
  if (!announced.ok) throw new Error(announced.error);
  const play = await savePlayAction({
    name: "zircon loop play",
    steps: [{ stageId: fx.ws.stages[1]!.id, title: "Open", assetIds: [fx.assetIds.allPartners] }],
  });
  if (!play.ok) throw new Error(play.error);
  ids.play = play.data.id;
}, 120_000);
afterAll(() => handle.close());

const assetKeys = Object.keys(assetCases) as AssetCase[];
const dealKeys = Object.keys(dealCases) as DealCase[];
const foreign = (role: LoopRole) => role === "otherAdmin" || role === "otherMarketer";
const sees = (role: LoopRole, key: AssetCase) =>
  !foreign(role) && (assetCases[key].seenBy as string[]).includes(role);
const seesDeal = (role: LoopRole, key: DealCase) =>
  !foreign(role) && (dealCases[key].seenBy as string[]).includes(role);
const isPartner = (role: LoopRole) => role.startsWith("partner");

function expectNoLeak(role: LoopRole, body: unknown, what: string) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  for (const key of assetKeys.filter((k) => !sees(role, k))) {
    expect(text, `${what}: ${role} sees the title of ${key}`).not.toContain(assetCases[key].title);
    expect(text, `${what}: ${role} sees the id of ${key}`).not.toContain(fx.assetIds[key]);
  }
  for (const key of dealKeys.filter((k) => !seesDeal(role, k))) {
    expect(text, `${what}: ${role} sees the id of ${key}`).not.toContain(fx.dealIds[key]);
  }
}

describe.each(loopRoles)("%s", (role) => {
  const signedIn = role !== "anonymous";
  const analyst = foreign(role) ? "foreign" : role === "marketer" || role === "admin" ? "own" : null;

  it("asset analytics: managers of this workspace only; nobody else learns an id, title or count", async () => {
    const list = await call(listAssetAnalyticsRoute, role, { query: { limit: "500" } });
    expect(list.status).toBe(!signedIn ? 401 : analyst ? 200 : 403);
    expectNoLeak(role, list.text, "analytics list");
    // Another workspace's managers count none of this workspace's assets.
    if (analyst === "foreign") expect(JSON.parse(list.text).total).toBe(0);
    for (const key of assetKeys) {
      const one = await call(getAssetAnalyticsRoute, role, { params: { id: fx.assetIds[key] } });
      // Drafts have no analytics yet: a manager may get 404 for one; anyone else never gets more than that.
      const expected = !signedIn ? [401] : analyst === "own" ? [200, 404] : analyst ? [404] : [403];
      expect(expected, `analytics of ${key}: ${one.status}`).toContain(one.status);
      if (analyst === "own" && key !== "draft") expect(one.status).toBe(200);
      expectNoLeak(role, one.text, `analytics of ${key}`);
    }
  });

  it.each(assetKeys)("feedback and comments on asset %s", async (key) => {
    const id = fx.assetIds[key];
    const visible = sees(role, key);
    const reads = [
      await call(getAssetFeedbackRoute, role, { params: { id } }),
      await call(listAssetCommentsRoute, role, { params: { id } }),
    ];
    for (const res of reads) {
      expect(res.status).toBe(!signedIn ? 401 : visible ? 200 : 404);
      expectNoLeak(role, res.text, `feedback read ${key}`);
    }
    const rate = await call(rateAssetRoute, role, { params: { id }, body: { helped: true } });
    const comment = await call(postAssetCommentRoute, role, { params: { id }, body: { body: "loop" } });
    const mayRate = ["partnerLow", "partnerHigh", "partnerStrategic", "rep", "admin", "otherAdmin"];
    // Only published assets can be rated (409 for a manager's draft); hidden ones are 404 before that.
    const rated = key === "draft" ? 409 : 200;
    expect(rate.status).toBe(!signedIn ? 401 : !mayRate.includes(role) ? 403 : visible ? rated : 404);
    expect(comment.status).toBe(!signedIn ? 401 : visible ? 201 : 404);
    expectNoLeak(role, rate.text + comment.text, `feedback write ${key}`);

    actAs(role);
    const results = [
      await rateAssetAction({ assetId: id, rating: { helped: false, reason: null, reasonText: "" } }),
      await postCommentAction({
        assetId: id,
        comment: { body: "loop", kind: "comment", mentionUserIds: [] },
      }),
      await mentionCandidatesAction({ assetId: id, q: "" }),
      await acknowledgeRatingsAction({ assetId: id }),
    ];
    for (const result of results) {
      expectNoLeak(role, result, `feedback action ${key}`);
      if (!signedIn || !visible) expect(result.ok).toBe(false);
      if (signedIn && !visible && !result.ok && !/allow/.test(result.error)) {
        expect(result.error).toMatch(/not found/i);
      }
    }
  });

  it("comment threads: partners see only their own, internal users see all", async () => {
    const res = await call(listAssetCommentsRoute, role, { params: { id: fx.assetIds.allPartners } });
    if (!signedIn || foreign(role)) return expect(res.status).toBe(signedIn ? 404 : 401);
    expect(res.text.includes(secrets.strategicThread)).toBe(!isPartner(role) || role === "partnerStrategic");
    expect(res.text.includes(secrets.repThread)).toBe(!isPartner(role));
    // The open-thread count counts only the threads the role may read.
    const threads = (JSON.parse(res.text) as { data: { resolvedAt: string | null }[] }).data;
    const summary = await call(getAssetFeedbackRoute, role, { params: { id: fx.assetIds.allPartners } });
    expect(JSON.parse(summary.text).openThreads).toBe(threads.filter((t) => !t.resolvedAt).length);
    if (isPartner(role) && role !== "partnerStrategic") {
      const reply = await call(postAssetCommentRoute, role, {
        params: { id: fx.assetIds.allPartners },
        body: { body: "loop reply", parentId: ids.strategicThread },
      });
      expect(reply.status).toBe(404);
      expect(reply.text).not.toContain(secrets.strategicThread);
    }
  });

  it("field requests: own org only for partners, hidden deals and delivered assets stay hidden", async () => {
    const list = await call(listRequestsRoute, role);
    expect(list.status).toBe(signedIn ? 200 : 401);
    if (!signedIn) return;
    expectNoLeak(role, list.text, "request list");
    const own: Partial<Record<LoopRole, string>> = {
      partnerLow: ids.lowRequest,
      partnerStrategic: ids.strategicRequest,
    };
    const expected = foreign(role)
      ? []
      : isPartner(role)
        ? [own[role]].filter(Boolean)
        : [ids.strategicRequest, ids.lowRequest, ids.repRequest];
    const listed = (JSON.parse(list.text) as { data: { id: string; deal: { id: string } | null }[] }).data;
    expect(listed.map((r) => r.id).sort()).toEqual([...expected].sort());
    // The requester sees the deal the request is about.
    if (own[role]) {
      const dealKey = role === "partnerLow" ? "lowDeal" : "strategicDeal";
      expect(listed[0]!.deal?.id).toBe(fx.dealIds[dealKey]);
    }
    if (role === "partnerLow") {
      // Delivered with an asset partnerLow may not see: the request says delivered, without the asset.
      const delivered = JSON.parse(list.text).data[0];
      expect(delivered).toMatchObject({ status: "delivered", deliveredAsset: null });
    }
    if (role === "partnerHigh") expect(listed[0]?.id).toBeUndefined();

    for (const id of [ids.strategicRequest, ids.lowRequest, ids.repRequest].filter(
      (r) => !expected.includes(r),
    )) {
      const vote = await call(voteRequestRoute, role, { params: { id } });
      expect(vote.status, `vote on a hidden request`).toBe(404);
    }
    const patch = await call(updateRequestRoute, role, {
      params: { id: ids.repRequest },
      body: { status: "accepted" },
    });
    // The marketer accepts it; the admin, after, is told it is already accepted (409), not that it is missing.
    expect(patch.status).toBe(role === "marketer" ? 200 : role === "admin" ? 409 : foreign(role) ? 404 : 403);
    expectNoLeak(role, patch.text, "request triage");

    for (const key of dealKeys.filter((k) => !seesDeal(role, k))) {
      const create = await call(createRequestRoute, role, {
        body: { title: "zircon ask about a hidden deal", dealId: fx.dealIds[key] },
      });
      expect(create.status, `request on ${key}`).toBe(422);
      expectNoLeak(role, create.text, "request on a hidden deal");
    }
  });

  it("notifications: only your own, only about what you may see, and only yours to mark read", async () => {
    const list = await call(listNotificationsRoute, role);
    expect(list.status).toBe(signedIn ? 200 : 401);
    expectNoLeak(role, list.text, "notifications");
    if (role !== "admin") expect(list.text).not.toContain("admin only note");
    const mark = await call(markNotificationsReadRoute, role, { body: { ids: [ids.adminNote] } });
    if (!signedIn) return expect(mark.status).toBe(401);
    expect(JSON.parse(mark.text).marked).toBe(role === "admin" ? 1 : 0);
  });

  it("announcements: partners and reps get only the linked assets they may see, not even their count", async () => {
    if (!signedIn) return;
    const listed = await listAnnouncements(handle.db, actors[role], { sinceDays: 30 });
    expectNoLeak(role, listed, "announcements");
    const linked = listed.find((a) => a.title === "zircon loop announcement")?.assets ?? [];
    const expected = (["allPartners", "goldPlus", "internal"] as const).filter((k) => sees(role, k));
    expect(linked.map((a) => a.id).sort()).toEqual(expected.map((k) => fx.assetIds[k]).sort());
    const inbox = await call(listNotificationsRoute, role);
    const note = (JSON.parse(inbox.text) as { data: { title: string; body: string }[] }).data.find(
      (n) => n.title === "zircon loop announcement",
    );
    if (isPartner(role) || role === "rep") expect(note, "the announcement reached the field").toBeDefined();
    const count = note?.body.match(/\((\d+) linked/)?.[1];
    if (count) expect(Number(count), "linked-asset count in the notification").toBe(linked.length);
  });

  it.each(assetKeys)("following asset %s needs it to be visible", async (key) => {
    actAs(role);
    const result = await followAction({ target: { assetId: fx.assetIds[key] }, following: true });
    expectNoLeak(role, result, `follow ${key}`);
    if (!signedIn) return expect(result.ok).toBe(false);
    if (sees(role, key)) return expect(result.ok).toBe(true);
    // Exactly the answer for an id that does not exist.
    const guessed = await followAction({ target: { assetId: randomUUID() }, following: true });
    expect(guessed.ok).toBe(false);
    expect(result).toEqual(guessed);
  });

  it("plays: no hidden or unpublished asset in a step, and no play on a deal the role cannot see", async () => {
    actAs(role);
    for (const key of assetKeys) {
      const result = await savePlayAction({
        name: `zircon play ${role} ${key}`,
        steps: [{ stageId: fx.ws.stages[1]!.id, title: "Step", assetIds: [fx.assetIds[key]] }],
      });
      expectNoLeak(role, result, `play with ${key}`);
      // Plays take published assets; an expired one is still published (reps running it skip what they cannot see).
      const published = key !== "draft";
      const expectOk = (role === "marketer" || role === "admin") && published;
      expect(result.ok, `play with ${key}`).toBe(expectOk);
    }
    for (const key of dealKeys) {
      const result = await attachPlayAction({ dealId: fx.dealIds[key], playId: ids.play });
      expectNoLeak(role, result, `attach to ${key}`);
      if (!signedIn || isPartner(role) || role === "marketer" || role === "otherMarketer") {
        expect(result.ok).toBe(false);
      } else if (!seesDeal(role, key)) {
        expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not found/i) });
      }
    }
  });
});
