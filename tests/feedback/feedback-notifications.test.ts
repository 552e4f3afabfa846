import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { notifications } from "@/db/schema";
import { postComment } from "@/server/feedback/asset-comments";
import { rateAsset } from "@/server/feedback/rate-asset";
import { createTestDatabase } from "../support/test-db";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

function feedbackFor(userId: string, assetId: string) {
  return handle.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, userId),
        eq(notifications.assetId, assetId),
        eq(notifications.kind, "feedback"),
      ),
    );
}

describe("feedback notifications", () => {
  it("tells the owner about a “didn't help” rating once, and not about “helped”", async () => {
    const asset = await createTestAsset(handle.db, ws, { title: "Churn calculator" });
    const owner = ws.people.marketer;
    const rep = await ws.actor(ws.people.rep);
    await rateAsset(handle.db, rep, asset.id, { helped: true, reason: null, reasonText: "" });
    expect(await feedbackFor(owner.id, asset.id)).toHaveLength(0);

    const notHelped = { helped: false, reason: "outdated", reasonText: "2023 prices" } as const;
    await rateAsset(handle.db, rep, asset.id, notHelped);
    // A retried request with the same rating does not notify twice.
    await rateAsset(handle.db, rep, asset.id, notHelped);
    const rows = await feedbackFor(owner.id, asset.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.title).toContain("Churn calculator");
    expect(rows[0]!.body).toContain("2023 prices");
    expect(rows[0]!.link).toBe(`/assets/${asset.id}`);
    expect(await feedbackFor(ws.people.rep.id, asset.id)).toHaveLength(0);
  });

  it("tells the owner and the people mentioned about a question, and the asker about a reply", async () => {
    const asset = await createTestAsset(handle.db, ws, { title: "Hospital case study" });
    const rep = await ws.actor(ws.people.rep);
    const marketer = await ws.actor(ws.people.marketer);
    const other = ws.people.otherRep;

    const question = await postComment(handle.db, rep, asset.id, {
      body: `@${other.name} did you use this with a hospital?`,
      kind: "question",
      mentionUserIds: [other.id],
    });
    expect(await feedbackFor(ws.people.marketer.id, asset.id)).toHaveLength(1);
    expect(await feedbackFor(other.id, asset.id)).toHaveLength(1);
    expect(await feedbackFor(ws.people.rep.id, asset.id)).toHaveLength(0);

    await postComment(handle.db, marketer, asset.id, {
      body: "Yes: page 3 has the numbers",
      kind: "comment",
      parentId: question.comment.id,
      mentionUserIds: [],
    });
    const toAsker = await feedbackFor(ws.people.rep.id, asset.id);
    expect(toAsker).toHaveLength(1);
    expect(toAsker[0]!.title).toContain("replied on");
    // The owner wrote the reply, so hears nothing new about it.
    expect(await feedbackFor(ws.people.marketer.id, asset.id)).toHaveLength(1);
  });
});
