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
import { createTestDatabase } from "../support/test-db";
import {
  assetCases,
  assetRefs,
  buildLeakageFixture,
  dealRefs,
  isPartner,
  managesContent,
  placeOf,
  roles,
  sees,
  seesDeal,
  tenantOf,
  tenants,
  type LeakageFixture,
  type MatrixRole,
  type SignedInRole,
  type Tenant,
} from "./leakage-fixture";

// The loop features (analytics, feedback, field requests, notifications, plays) against the same matrix.
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => null,
}));
vi.mock("@/server/auth/session", () => ({ getActor: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let handle: DatabaseHandle;
let fx: LeakageFixture;
/** A question by a partner and a remark by a rep, on the asset every partner of each workspace may see. */
const threads: Record<
  Tenant,
  { partner: string; rep: string; partnerAuthor: MatrixRole; partnerThreadId: string }
> = {
  home: {
    partner: "zircon quartzite strategic question",
    rep: "zircon basalt rep remark",
    partnerAuthor: "partnerStrategic",
    partnerThreadId: "",
  },
  other: {
    partner: "zircon feldspar partner question",
    rep: "zircon gneiss rep remark",
    partnerAuthor: "otherPartner",
    partnerThreadId: "",
  },
};
const ids = {
  strategicRequest: "",
  lowRequest: "",
  repRequest: "",
  otherPartnerRequest: "",
  otherRepRequest: "",
  adminNote: "",
  play: "",
};
const requestsOf = (tenant: Tenant) =>
  tenant === "home"
    ? [ids.strategicRequest, ids.lowRequest, ids.repRequest]
    : [ids.otherPartnerRequest, ids.otherRepRequest];

async function call(
  route: ApiRoute,
  role: MatrixRole,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {},
) {
  const url = new URL("http://localhost/api/v1/loop");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = {};
  if (fx.tokens[role]) headers.authorization = `Bearer ${fx.tokens[role]}`;
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

function actAs(role: MatrixRole) {
  vi.mocked(getActor).mockResolvedValue(role === "anonymous" ? null : fx.actors[role]);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  fx = await buildLeakageFixture(handle.db);

  // Threads by a partner and by a rep on an asset every partner may see, in each workspace.
  for (const tenant of tenants) {
    const id = fx.content[tenant].assetIds.allPartners;
    const thread = threads[tenant];
    const posted = await call(postAssetCommentRoute, thread.partnerAuthor, {
      params: { id },
      body: { body: thread.partner, kind: "question" },
    });
    thread.partnerThreadId = (JSON.parse(posted.text) as { id: string }).id;
    await call(postAssetCommentRoute, tenant === "home" ? "rep" : "otherRep", {
      params: { id },
      body: { body: thread.rep },
    });
  }

  // Requests from two partner orgs and a rep; partnerLow's is delivered with an asset it may not see.
  const request = async (role: MatrixRole, title: string, dealId?: string) =>
    (JSON.parse((await call(createRequestRoute, role, { body: { title, dealId } })).text) as { id: string })
      .id;
  ids.strategicRequest = await request("partnerStrategic", "zircon ask strategic", fx.dealIds.strategicDeal);
  ids.lowRequest = await request("partnerLow", "zircon ask low", fx.dealIds.lowDeal);
  ids.repRequest = await request("rep", "zircon ask rep", fx.dealIds.repDeal);
  const other = fx.content.other.dealIds;
  ids.otherPartnerRequest = await request("otherPartner", "zircon ask other partner", other.strategicDeal);
  ids.otherRepRequest = await request("otherRep", "zircon ask other rep", other.repDeal);
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
}, 180_000);
afterAll(() => handle.close());

/** Nothing the role may not see, nor any thread or request of another workspace, is in the body. */
function expectNoLeak(role: MatrixRole, body: unknown, what: string) {
  expect(fx.leaksIn(role, body), `${what}: what ${role} sees`).toEqual([]);
  const text = typeof body === "string" ? body : JSON.stringify(body);
  for (const tenant of tenants.filter((t) => t !== tenantOf(role))) {
    for (const marker of [threads[tenant].partner, threads[tenant].rep, ...requestsOf(tenant)]) {
      expect(text, `${what}: ${role} sees the ${tenant} workspace's thread or request`).not.toContain(marker);
    }
  }
}

describe.each(roles)("%s", (role) => {
  const signedIn = role !== "anonymous";

  it("asset analytics: managers of the asset's workspace only; nobody else learns an id, title or count", async () => {
    const list = await call(listAssetAnalyticsRoute, role, { query: { limit: "500" } });
    expect(list.status).toBe(!signedIn ? 401 : managesContent(role) ? 200 : 403);
    expectNoLeak(role, list.text, "analytics list");
    // A manager's list holds its own workspace's assets (and, by the check above, none of the other's).
    const listed =
      list.status === 200
        ? (JSON.parse(list.text) as { data: { assetId: string }[] }).data.map((r) => r.assetId)
        : [];
    const ownInternal = tenantOf(role) && fx.content[tenantOf(role)!].assetIds.internal;
    expect(Boolean(ownInternal) && listed.includes(ownInternal!)).toBe(managesContent(role));
    for (const ref of assetRefs) {
      const one = await call(getAssetAnalyticsRoute, role, { params: { id: fx.assetId(ref) } });
      const own = managesContent(role) && tenantOf(role) === ref.tenant;
      // Drafts have no analytics yet: a manager may get 404 for one; anyone else never gets more than that.
      const ownStatus = ref.key === "draft" ? [200, 404] : [200];
      const expected = !signedIn ? [401] : own ? ownStatus : managesContent(role) ? [404] : [403];
      expect(expected, `analytics of ${ref.label}: ${one.status}`).toContain(one.status);
      expectNoLeak(role, one.text, `analytics of ${ref.label}`);
    }
  });

  it.each(assetRefs)("feedback and comments on asset $label", async (ref) => {
    const id = fx.assetId(ref);
    const visible = sees(role, ref);
    const reads = [
      await call(getAssetFeedbackRoute, role, { params: { id } }),
      await call(listAssetCommentsRoute, role, { params: { id } }),
    ];
    for (const res of reads) {
      expect(res.status).toBe(!signedIn ? 401 : visible ? 200 : 404);
      expectNoLeak(role, res.text, `feedback read ${ref.label}`);
    }
    const rate = await call(rateAssetRoute, role, { params: { id }, body: { helped: true } });
    const comment = await call(postAssetCommentRoute, role, { params: { id }, body: { body: "loop" } });
    // Everyone but marketers rates content.
    const mayRate = placeOf(role) !== "marketer";
    // Only published assets can be rated (409 for a manager's draft); hidden ones are 404 before that.
    const rated = ref.key === "draft" ? 409 : 200;
    expect(rate.status).toBe(!signedIn ? 401 : !mayRate ? 403 : visible ? rated : 404);
    expect(comment.status).toBe(!signedIn ? 401 : visible ? 201 : 404);
    expectNoLeak(role, rate.text + comment.text, `feedback write ${ref.label}`);

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
    // Whoever may comment on a visible asset gets the people to mention; nobody else gets anything.
    expect(results[2]!.ok, "mention candidates").toBe(signedIn && visible);
    for (const result of results) {
      expectNoLeak(role, result, `feedback action ${ref.label}`);
      expect(result.ok && !(signedIn && visible), `an action succeeded without sight of ${ref.label}`).toBe(
        false,
      );
      // A hidden asset is "not found" (or a permission the role lacks anyway), never a hint that it exists.
      const hiddenError = signedIn && !visible && !result.ok ? result.error : "not found";
      expect(hiddenError).toMatch(/not found|allow/i);
    }
  });

  it.each(tenants)(
    "comment threads in the %s workspace: partners see only their own, internal users see all",
    async (tenant) => {
      const thread = threads[tenant];
      const id = fx.content[tenant].assetIds.allPartners;
      const res = await call(listAssetCommentsRoute, role, { params: { id } });
      if (!signedIn || tenantOf(role) !== tenant) return expect(res.status).toBe(signedIn ? 404 : 401);
      expect(res.text.includes(thread.partner)).toBe(!isPartner(role) || role === thread.partnerAuthor);
      expect(res.text.includes(thread.rep)).toBe(!isPartner(role));
      // The open-thread count counts only the threads the role may read.
      const listed = (JSON.parse(res.text) as { data: { resolvedAt: string | null }[] }).data;
      const summary = await call(getAssetFeedbackRoute, role, { params: { id } });
      expect(JSON.parse(summary.text).openThreads).toBe(listed.filter((t) => !t.resolvedAt).length);
      if (isPartner(role) && role !== thread.partnerAuthor) {
        const reply = await call(postAssetCommentRoute, role, {
          params: { id },
          body: { body: "loop reply", parentId: thread.partnerThreadId },
        });
        expect(reply.status).toBe(404);
        expect(reply.text).not.toContain(thread.partner);
      }
    },
  );

  it.runIf(!signedIn)("field requests: nothing without a session", async () => {
    const list = await call(listRequestsRoute, role);
    expect(list.status).toBe(401);
    expectNoLeak(role, list.text, "request list");
  });

  it.skipIf(!signedIn)(
    "field requests: own org only for partners, hidden deals and delivered assets stay hidden",
    async () => {
      const list = await call(listRequestsRoute, role);
      expect(list.status).toBe(200);
      expectNoLeak(role, list.text, "request list");
      const own: Partial<Record<MatrixRole, string>> = {
        partnerLow: ids.lowRequest,
        partnerStrategic: ids.strategicRequest,
        otherPartner: ids.otherPartnerRequest,
      };
      const expected = isPartner(role) ? [own[role]].filter(Boolean) : requestsOf(tenantOf(role)!);
      const listed = (JSON.parse(list.text) as { data: { id: string; deal: { id: string } | null }[] }).data;
      expect(listed.map((r) => r.id).sort()).toEqual([...expected].sort());
      // The requester sees the deal the request is about.
      if (own[role]) {
        const dealKey = role === "partnerLow" ? "lowDeal" : "strategicDeal";
        expect(listed[0]!.deal?.id).toBe(fx.content[tenantOf(role)!].dealIds[dealKey]);
      }
      if (role === "partnerLow") {
        // Delivered with an asset partnerLow may not see: the request says delivered, without the asset.
        const delivered = JSON.parse(list.text).data[0];
        expect(delivered).toMatchObject({ status: "delivered", deliveredAsset: null });
      }

      for (const id of [...requestsOf("home"), ...requestsOf("other")].filter((r) => !expected.includes(r))) {
        const vote = await call(voteRequestRoute, role, { params: { id } });
        expect(vote.status, `vote on a hidden request`).toBe(404);
      }
      const patch = await call(updateRequestRoute, role, {
        params: { id: ids.repRequest },
        body: { status: "accepted" },
      });
      // The marketer accepts it; the admin, after, is told it is already accepted (409), not that it is missing;
      // another workspace's triagers are told it is missing.
      const triage = role === "marketer" ? 200 : role === "admin" ? 409 : managesContent(role) ? 404 : 403;
      expect(patch.status).toBe(triage);
      expectNoLeak(role, patch.text, "request triage");

      for (const ref of dealRefs.filter((r) => !seesDeal(role, r))) {
        const create = await call(createRequestRoute, role, {
          body: { title: "zircon ask about a hidden deal", dealId: fx.dealId(ref) },
        });
        expect(create.status, `request on ${ref.label}`).toBe(422);
        expectNoLeak(role, create.text, "request on a hidden deal");
      }
    },
  );

  it("notifications: only your own, only about what you may see, and only yours to mark read", async () => {
    const list = await call(listNotificationsRoute, role);
    expect(list.status).toBe(signedIn ? 200 : 401);
    expectNoLeak(role, list.text, "notifications");
    expect(list.text.includes("admin only note")).toBe(role === "admin");
    const mark = await call(markNotificationsReadRoute, role, { body: { ids: [ids.adminNote] } });
    expect(mark.status).toBe(signedIn ? 200 : 401);
    const marked = signedIn ? (JSON.parse(mark.text) as { marked: number }).marked : "refused";
    expect(marked).toBe(!signedIn ? "refused" : role === "admin" ? 1 : 0);
  });

  it.skipIf(!signedIn)(
    "announcements: partners and reps get only the linked assets they may see, not even their count",
    async () => {
      const listed = await listAnnouncements(handle.db, fx.actors[role as SignedInRole], { sinceDays: 30 });
      expectNoLeak(role, listed, "announcements");
      const linked = listed.find((a) => a.title === "zircon loop announcement")?.assets ?? [];
      const expected = assetRefs.filter(
        (ref) =>
          ref.tenant === "home" &&
          ["allPartners", "goldPlus", "internal"].includes(ref.key) &&
          sees(role, ref),
      );
      expect(linked.map((a) => a.id).sort()).toEqual(expected.map((ref) => fx.assetId(ref)).sort());
      const inbox = await call(listNotificationsRoute, role);
      const note = (JSON.parse(inbox.text) as { data: { title: string; body: string }[] }).data.find(
        (n) => n.title === "zircon loop announcement",
      );
      const inField = tenantOf(role) === "home" && (isPartner(role) || role === "rep");
      expect(note !== undefined, "the announcement reached the field, and only the field").toBe(inField);
      // One notification body goes to everyone, so it carries no count of linked assets at all.
      expect(note?.body ?? "", "the notification's body").not.toMatch(/\d+\s+(linked|assets?)\b/i);
    },
  );

  it.each(assetRefs)("following asset $label needs it to be visible", async (ref) => {
    actAs(role);
    const result = await followAction({ target: { assetId: fx.assetId(ref) }, following: true });
    expectNoLeak(role, result, `follow ${ref.label}`);
    if (!signedIn) return expect(result.ok).toBe(false);
    if (sees(role, ref)) return expect(result.ok).toBe(true);
    // Exactly the answer for an id that does not exist.
    const guessed = await followAction({ target: { assetId: randomUUID() }, following: true });
    expect(guessed.ok).toBe(false);
    expect(result).toEqual(guessed);
  });

  it("plays: no hidden or unpublished asset in a step, and no play on a deal the role cannot see", async () => {
    actAs(role);
    const stageId = (role === "anonymous" ? fx.ws : fx.wsOf(role)).stages[1]!.id;
    for (const ref of assetRefs) {
      const result = await savePlayAction({
        name: `zircon play ${role} ${ref.label}`,
        steps: [{ stageId, title: "Step", assetIds: [fx.assetId(ref)] }],
      });
      expectNoLeak(role, result, `play with ${ref.label}`);
      // Plays take published assets of the manager's own workspace; an expired one is still published (reps
      // running it skip what they cannot see).
      const published = ref.key !== "draft";
      const expectOk = managesContent(role) && tenantOf(role) === ref.tenant && published;
      expect(result.ok, `play with ${ref.label}`).toBe(expectOk);
    }
    // Admins run plays on any deal they see, reps on their own; the play is the home workspace's, so
    // the other workspace is told it does not exist.
    const mayAttach = placeOf(role) === "rep" || placeOf(role) === "admin";
    const notFound = { ok: false, error: expect.stringMatching(/not found/i) };
    for (const ref of dealRefs) {
      const result = await attachPlayAction({ dealId: fx.dealId(ref), playId: ids.play });
      expectNoLeak(role, result, `attach to ${ref.label}`);
      const runs = placeOf(role) === "admin" || ref.key === "repDeal";
      const expected = !mayAttach
        ? { ok: false }
        : !seesDeal(role, ref)
          ? notFound
          : !runs
            ? { ok: false, error: expect.stringMatching(/owner/) }
            : tenantOf(role) === "home"
              ? { ok: true }
              : notFound;
      expect(result, `attach to ${ref.label}`).toMatchObject(expected);
    }
  });
});
