import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import type { ApiRoute } from "@/server/api/define-route";
import {
  getAssetFeedbackRoute,
  listAssetCommentsRoute,
  listMentionableUsersRoute,
  postAssetCommentRoute,
  rateAssetRoute,
} from "@/server/api/routes/feedback";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const tokens = { rep: "", partnerLow: "", marketer: "" };

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) {
    tokens[who] = (await createApiToken(handle.db, await ws.actor(ws.people[who]), who)).secret;
  }
});
afterAll(() => handle.close());

async function call(
  route: ApiRoute,
  who: keyof typeof tokens,
  params: Record<string, string>,
  body?: unknown,
  query = "",
) {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await route.handler(
    new Request(`http://localhost/api/v1/test${query}`, {
      method: route.spec.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("feedback API", () => {
  it("rates, changes the rating and reads the counts", async () => {
    const asset = await createTestAsset(handle.db, ws);
    const id = { id: asset.id };
    expect((await call(rateAssetRoute, "rep", id, { helped: true })).status).toBe(200);
    const changed = await call(rateAssetRoute, "rep", id, { helped: false, reason: "wrong_audience" });
    expect(changed.body).toMatchObject({ helped: 0, notHelped: 1, myRating: { reason: "wrong_audience" } });
    expect((await call(getAssetFeedbackRoute, "marketer", id)).body).toMatchObject({
      helped: 0,
      notHelped: 1,
      myRating: null,
    });
    // "Other" needs words; marketers don't rate; partners cannot see an internal asset.
    expect((await call(rateAssetRoute, "rep", id, { helped: false, reason: "other" })).status).toBe(422);
    expect((await call(rateAssetRoute, "marketer", id, { helped: true })).status).toBe(403);
    expect((await call(rateAssetRoute, "partnerLow", id, { helped: true })).status).toBe(404);
    expect((await call(getAssetFeedbackRoute, "partnerLow", id)).status).toBe(404);
  });

  it("posts a question and a reply, and lists the thread", async () => {
    const asset = await createTestAsset(handle.db, ws);
    const id = { id: asset.id };
    const question = await call(postAssetCommentRoute, "rep", id, {
      body: `@${ws.people.marketer.name} any numbers for retail?`,
      kind: "question",
      mentionUserIds: [ws.people.marketer.id],
    });
    expect(question.status).toBe(201);
    expect(question.body.mentionUserIds).toEqual([ws.people.marketer.id]);
    const reply = await call(postAssetCommentRoute, "marketer", id, {
      body: "Added on page 3",
      parentId: question.body.id,
    });
    expect(reply.body.threadId).toBe(question.body.id);
    const list = await call(listAssetCommentsRoute, "rep", id);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ kind: "question", resolvedAt: null });
    expect(list.body.data[0].replies.map((r: { body: string }) => r.body)).toEqual(["Added on page 3"]);
    expect((await call(postAssetCommentRoute, "rep", id, { body: "  " })).status).toBe(422);
  });

  it("lists whom a comment may mention, the values mentionUserIds takes, to every commenter", async () => {
    const shared = await createTestAsset(handle.db, ws, { partnerAccess: "all" });
    const id = { id: shared.id };
    const asRep = await call(listMentionableUsersRoute, "rep", id);
    expect(asRep.status).toBe(200);
    const repSees = (asRep.body.data as { id: string; name: string }[]).map((u) => u.id);
    // The owner comes first, then other internal people; never a partner.
    expect(repSees[0]).toBe(ws.people.marketer.id);
    expect(repSees).toContain(ws.people.admin.id);
    expect(repSees).not.toContain(ws.people.partnerLow.id);
    const named = await call(listMentionableUsersRoute, "rep", id, undefined, `?q=${ws.people.admin.name}`);
    expect(named.body.data.map((u: { id: string }) => u.id)).toEqual([ws.people.admin.id]);
    const posted = await call(postAssetCommentRoute, "rep", id, {
      body: `@${ws.people.admin.name} have a look`,
      mentionUserIds: [ws.people.admin.id],
    });
    expect(posted.body.mentionUserIds).toEqual([ws.people.admin.id]);
    // A partner may mention only the owner, and learns nothing about an asset it cannot see.
    const asPartner = await call(listMentionableUsersRoute, "partnerLow", id);
    expect(asPartner.body.data).toEqual([{ id: ws.people.marketer.id, name: ws.people.marketer.name }]);
    const hidden = await createTestAsset(handle.db, ws, { partnerAccess: "none" });
    const refused = await call(listMentionableUsersRoute, "partnerLow", { id: hidden.id });
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("not_found");
    expect(
      (await call(listMentionableUsersRoute, "rep", id, undefined, `?q=${"x".repeat(101)}`)).status,
    ).toBe(422);
  });
});
