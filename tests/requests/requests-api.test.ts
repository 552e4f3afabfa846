import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { ApiRoute } from "@/server/api/define-route";
import { listNotificationsRoute, markNotificationsReadRoute } from "@/server/api/routes/notifications";
import {
  createRequestRoute,
  listRequestsRoute,
  updateRequestRoute,
  voteRequestRoute,
} from "@/server/api/routes/requests";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const who = ["rep", "otherRep", "partnerLow", "partnerHigh", "marketer"] as const;
const tokens = {} as Record<(typeof who)[number], string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  for (const w of who) tokens[w] = (await createApiToken(handle.db, await ws.actor(ws.people[w]), w)).secret;
});
afterAll(() => handle.close());

async function call(
  route: ApiRoute,
  as: (typeof who)[number],
  opts: { params?: Record<string, string>; body?: unknown; query?: Record<string, string> } = {},
) {
  const url = new URL("http://localhost/api/v1/test");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[as]}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await route.handler(
    new Request(url, {
      method: route.spec.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("requests API", () => {
  it("raises, votes, triages and delivers a request; the requester is notified", async () => {
    const created = await call(createRequestRoute, "rep", {
      body: {
        title: "Healthcare ROI case study",
        urgency: "high",
        stageId: ws.stages[3]!.id,
        searchQuery: "healthcare roi",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "new",
      votes: 1,
      votedByMe: true,
      stage: { id: ws.stages[3]!.id },
    });
    const id = created.body.id as string;

    expect((await call(voteRequestRoute, "otherRep", { params: { id } })).body).toEqual({
      votes: 2,
      voted: true,
    });
    expect((await call(voteRequestRoute, "partnerLow", { params: { id } })).status).toBe(404);

    expect(
      (await call(updateRequestRoute, "rep", { params: { id }, body: { status: "accepted" } })).status,
    ).toBe(403);
    const skip = await call(updateRequestRoute, "marketer", {
      params: { id },
      body: { status: "in_progress" },
    });
    expect(skip.status).toBe(409);
    const decline = await call(updateRequestRoute, "marketer", {
      params: { id },
      body: { status: "declined" },
    });
    expect(decline.status).toBe(422);
    expect(decline.body.error.fieldErrors.declineReason).toEqual(["Say why it is declined"]);

    const asset = await createTestAsset(handle.db, ws, { title: "Harborview ROI story" });
    await call(updateRequestRoute, "marketer", { params: { id }, body: { status: "accepted" } });
    const delivered = await call(updateRequestRoute, "marketer", {
      params: { id },
      body: { status: "delivered", deliveredAssetId: asset.id },
    });
    expect(delivered.body).toMatchObject({
      status: "delivered",
      deliveredAsset: { id: asset.id, title: "Harborview ROI story" },
    });

    const inbox = await call(listNotificationsRoute, "rep");
    expect(inbox.body.unread).toBe(2);
    expect(inbox.body.data[0]).toMatchObject({ kind: "request_update", link: `/assets/${asset.id}` });
    const read = await call(markNotificationsReadRoute, "rep", { body: {} });
    expect(read.body).toEqual({ marked: 2, unread: 0 });
  });

  it("lists only the partner's own organisation's requests", async () => {
    const mine = await call(createRequestRoute, "partnerHigh", { body: { title: "Platinum co-sell kit" } });
    expect(mine.status).toBe(201);
    const ids = async (as: (typeof who)[number]) =>
      ((await call(listRequestsRoute, as)).body.data as { id: string }[]).map((r) => r.id);
    expect(await ids("partnerHigh")).toEqual([mine.body.id]);
    expect(await ids("partnerLow")).not.toContain(mine.body.id);
    expect(await ids("marketer")).toContain(mine.body.id);
    const invalid = await call(createRequestRoute, "rep", { body: { title: "x" } });
    expect(invalid.status).toBe(422);
  });
});
