import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assets, auditLog } from "@/db/schema";
import { changeAssetStatus } from "@/server/assets/change-asset-status";
import { uploadFromRequest } from "../support/uploads";
import { setSecondApproval } from "@/server/workspaces/workspace-settings";
import { createTestDatabase } from "../support/test-db";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  await setSecondApproval(handle.db, await ws.actor(ws.people.admin), true);
});
afterAll(() => handle.close());

describe("second-person approval", () => {
  it("makes a draft go through review, and someone other than the sender publish it", async () => {
    const author = await ws.actor(ws.people.marketer);
    const approver = await ws.actor(ws.people.admin);
    const asset = await createTestAsset(handle.db, ws, { status: "draft" });

    await expect(changeAssetStatus(handle.db, author, asset.id, "published")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("send the asset for review first"),
    });
    await changeAssetStatus(handle.db, author, asset.id, "in_review");
    await expect(changeAssetStatus(handle.db, author, asset.id, "published")).rejects.toMatchObject({
      code: "forbidden",
    });
    const [stillInReview] = await handle.db.select().from(assets).where(eq(assets.id, asset.id));
    expect(stillInReview).toMatchObject({ status: "in_review", submittedForReviewById: author.userId });

    await changeAssetStatus(handle.db, approver, asset.id, "published");
    const [published] = await handle.db.select().from(assets).where(eq(assets.id, asset.id));
    expect(published).toMatchObject({ status: "published", approvedById: approver.userId });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, asset.id), eq(auditLog.action, "asset.published")));
    expect(audit!.data).toMatchObject({ from: "in_review", approvedBy: approver.userId });
  });

  it("does not let the owner approve their own asset when nobody is recorded as its sender", async () => {
    const owner = await ws.actor(ws.people.marketer);
    const asset = await createTestAsset(handle.db, ws, { status: "in_review" });
    await expect(changeAssetStatus(handle.db, owner, asset.id, "published")).rejects.toMatchObject({
      code: "forbidden",
    });
    await changeAssetStatus(handle.db, await ws.actor(ws.people.admin), asset.id, "published");
  });

  it("refuses an upload that asks to publish straight away, and keeps nothing of it", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const form = new FormData();
    const title = "Straight to published";
    form.append(
      "metadata",
      JSON.stringify({ title, type: "one_pager", stageIds: [ws.stages[0]!.id], status: "published" }),
    );
    form.append("file", new Blob([new TextEncoder().encode("# Notes\n")]), "notes.md");
    const request = new Request("http://localhost/api/v1/assets", { method: "POST", body: form });
    await expect(uploadFromRequest(handle.db, marketer, request)).rejects.toMatchObject({ code: "conflict" });
    expect(await handle.db.select().from(assets).where(eq(assets.title, title))).toHaveLength(0);
  });

  it("lets anyone publish directly once the rule is off", async () => {
    await setSecondApproval(handle.db, await ws.actor(ws.people.admin), false);
    const author = await ws.actor(ws.people.marketer);
    const asset = await createTestAsset(handle.db, ws, { status: "draft" });
    await expect(changeAssetStatus(handle.db, author, asset.id, "published")).resolves.toEqual({
      status: "published",
    });
    await setSecondApproval(handle.db, await ws.actor(ws.people.admin), true);
  });
});
