import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetUsages, assetVersions, assets, files, users } from "@/db/schema";
import type { AssetStatus } from "@/lib/assets";
import { countOwnerAttention, getAttention } from "@/server/assets/attention-queries";
import { listMyContent } from "@/server/assets/my-content-queries";
import { listWhatsNew } from "@/server/assets/whats-new-queries";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

const DAY = 86_400_000;
const daysFromNow = (n: number) => new Date(Date.now() + n * DAY);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

let ws: TestWorkspace;
let otherMarketer: typeof users.$inferSelect;
beforeEach(async () => {
  ws = await createTestWorkspace(handle.db);
  const [row] = await handle.db
    .insert(users)
    .values({
      workspaceId: ws.workspace.id,
      email: `omar-${randomUUID().slice(0, 8)}@example.test`,
      name: "Omar Other",
      role: "marketer",
    })
    .returning();
  otherMarketer = row!;
});

/** A test asset with its lifecycle fields set directly. */
async function asset(
  title: string,
  opts: {
    status?: AssetStatus;
    ownerId?: string;
    expiresAt?: Date;
    reviewBy?: Date;
    publishedAt?: Date;
    updatedAt?: Date;
    submittedForReviewById?: string;
    processing?: { state: "pending" | "done" | "failed"; error?: string };
    stageIds?: string[];
    partnerAccess?: "none" | "all";
  } = {},
) {
  const row = await createTestAsset(handle.db, ws, {
    title,
    status: opts.status ?? "published",
    stageIds: opts.stageIds,
    partnerAccess: opts.partnerAccess,
  });
  await handle.db
    .update(assets)
    .set({
      ownerId: opts.ownerId ?? ws.people.marketer.id,
      expiresAt: opts.expiresAt ?? null,
      reviewBy: opts.reviewBy ?? null,
      publishedAt: opts.publishedAt ?? null,
      submittedForReviewById: opts.submittedForReviewById ?? null,
      ...(opts.updatedAt ? { updatedAt: opts.updatedAt } : {}),
    })
    .where(eq(assets.id, row.id));
  if (opts.processing) {
    const [version] = await handle.db
      .select({ fileId: assetVersions.fileId })
      .from(assetVersions)
      .where(eq(assetVersions.id, row.currentVersionId));
    await handle.db
      .update(files)
      .set({ processingState: opts.processing.state, processingError: opts.processing.error ?? null })
      .where(eq(files.id, version!.fileId));
  }
  return row;
}

async function logUsageOf(assetId: string) {
  const deal = await createTestDeal(handle.db, ws);
  await handle.db.insert(assetUsages).values({
    workspaceId: ws.workspace.id,
    assetId,
    dealId: deal.id,
    stageId: deal.stageId,
    actorId: ws.people.rep.id,
  });
}

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe("My content", () => {
  it("lists my assets by status tab with counts, and everyone's only with owner=all", async () => {
    await asset("Draft deck", { status: "draft", updatedAt: daysFromNow(-1) });
    await asset("Review one-pager", { status: "in_review", updatedAt: daysFromNow(-2) });
    await asset("Live case study", { updatedAt: daysFromNow(-3), expiresAt: daysFromNow(30) });
    await asset("Live battlecard", {
      updatedAt: daysFromNow(-4),
      processing: { state: "failed", error: "The PDF is encrypted" },
    });
    await asset("Expired pricing", { updatedAt: daysFromNow(-5), expiresAt: daysFromNow(-1) });
    await asset("Archived talk track", {
      status: "archived",
      updatedAt: daysFromNow(-6),
      expiresAt: daysFromNow(-9),
    });
    await asset("Omar's brief", { ownerId: otherMarketer.id, updatedAt: daysFromNow(0) });
    const marketer = await ws.actor(ws.people.marketer);

    const mine = await listMyContent(handle.db, marketer, { status: "all", owner: "mine" });
    expect(titles(mine.items)).toEqual([
      "Draft deck",
      "Review one-pager",
      "Live case study",
      "Live battlecard",
      "Expired pricing",
      "Archived talk track",
    ]);
    expect(mine.counts).toEqual({
      all: 6,
      draft: 1,
      in_review: 1,
      published: 2,
      expired: 1,
      archived: 1,
    });
    expect(mine.items.find((i) => i.title === "Live battlecard")).toMatchObject({
      processingState: "failed",
      processingError: "The PDF is encrypted",
    });
    expect(mine.items.find((i) => i.title === "Expired pricing")).toMatchObject({ expired: true });
    // An archived asset past its expiry date is archived, not expired.
    expect(mine.items.find((i) => i.title === "Archived talk track")).toMatchObject({ expired: false });
    expect(mine.items[0]!.stageIds).toEqual([ws.stages[1]!.id]);

    const published = await listMyContent(handle.db, marketer, { status: "published", owner: "mine" });
    expect(titles(published.items)).toEqual(["Live case study", "Live battlecard"]);
    const expired = await listMyContent(handle.db, marketer, { status: "expired", owner: "mine" });
    expect(titles(expired.items)).toEqual(["Expired pricing"]);
    const drafts = await listMyContent(handle.db, marketer, { status: "draft", owner: "mine" });
    expect(titles(drafts.items)).toEqual(["Draft deck"]);
    expect(drafts.counts).toEqual(mine.counts);

    const everyone = await listMyContent(handle.db, marketer, { status: "published", owner: "all" });
    expect(titles(everyone.items)).toEqual(["Omar's brief", "Live case study", "Live battlecard"]);
    expect(everyone.counts).toMatchObject({ all: 7, published: 3 });

    const omar = await listMyContent(handle.db, await ws.actor(otherMarketer), {
      status: "all",
      owner: "mine",
    });
    expect(titles(omar.items)).toEqual(["Omar's brief"]);
  });

  it("is empty for an owner with nothing, with zero counts", async () => {
    await asset("Someone else's", { ownerId: otherMarketer.id });
    const admin = await ws.actor(ws.people.admin);
    const mine = await listMyContent(handle.db, admin, { status: "all", owner: "mine" });
    expect(mine.items).toEqual([]);
    expect(mine.counts).toEqual({ all: 0, draft: 0, in_review: 0, published: 0, expired: 0, archived: 0 });
  });
});

describe("Needs attention", () => {
  async function seedAttention() {
    // Expired: published and past expiry; an archived or future-expiring asset is not.
    await asset("Expired yesterday", { expiresAt: daysFromNow(-1) });
    await asset("Expired last month", { expiresAt: daysFromNow(-30), publishedAt: daysFromNow(-90) });
    await asset("Expires next week", { expiresAt: daysFromNow(7) });
    await asset("Archived and expired", { status: "archived", expiresAt: daysFromNow(-5) });
    // Review due: past or within 7 days, not archived.
    await asset("Review overdue", { reviewBy: daysFromNow(-3) });
    await asset("Review in 5 days", { status: "draft", reviewBy: daysFromNow(5) });
    await asset("Review in 10 days", { reviewBy: daysFromNow(10) });
    await asset("Archived review", { status: "archived", reviewBy: daysFromNow(-1) });
    // Processing failed: only the current file counts; live assets first.
    await asset("Failed draft", {
      status: "draft",
      processing: { state: "failed", error: "Unsupported font encoding" },
    });
    await asset("Failed live", { processing: { state: "failed", error: "The PDF is encrypted" } });
    await asset("Still processing", { processing: { state: "pending" } });
    const fixed = await asset("Fixed by a new version");
    const [badFile] = await handle.db
      .insert(files)
      .values({
        workspaceId: ws.workspace.id,
        storageKey: `ws/${ws.workspace.id}/files/${randomUUID()}`,
        originalName: "old.pdf",
        mimeType: "application/pdf",
        sizeBytes: 10,
        sha256: randomUUID(),
        processingState: "failed",
        processingError: "Corrupt",
      })
      .returning();
    await handle.db.insert(assetVersions).values({ assetId: fixed.id, version: 0, fileId: badFile!.id });
    // Never used: live, published 14+ days ago, no usage rows.
    await asset("Unused for 60 days", { publishedAt: daysFromNow(-60) });
    await asset("Unused for 20 days", { publishedAt: daysFromNow(-20) });
    const used = await asset("Used in a deal", { publishedAt: daysFromNow(-60) });
    await logUsageOf(used.id);
    await asset("Published last week", { publishedAt: daysFromNow(-7) });
    // Awaiting review: in review, submitted by someone other than the viewer.
    await asset("Omar's submission", {
      status: "in_review",
      ownerId: otherMarketer.id,
      submittedForReviewById: otherMarketer.id,
      updatedAt: daysFromNow(-2),
    });
    await asset("My submission", {
      status: "in_review",
      submittedForReviewById: ws.people.marketer.id,
      updatedAt: daysFromNow(-4),
    });
    // Another owner's problems stay off my page.
    await asset("Omar's expired", { ownerId: otherMarketer.id, expiresAt: daysFromNow(-2) });
    await asset("Omar's review", { ownerId: otherMarketer.id, reviewBy: daysFromNow(1) });
  }

  it("sections hold exactly the owner's items, most urgent first, with counts", async () => {
    await seedAttention();
    const marketer = await ws.actor(ws.people.marketer);
    const view = await getAttention(handle.db, marketer, { owner: "mine" });

    expect(view.acrossOwners).toBe(false);
    expect(titles(view.expired.items)).toEqual(["Expired last month", "Expired yesterday"]);
    expect(view.expired.count).toBe(2);
    expect(titles(view.reviewDue.items)).toEqual(["Review overdue", "Review in 5 days"]);
    expect(view.reviewDue.count).toBe(2);
    expect(titles(view.processingFailed.items)).toEqual(["Failed live", "Failed draft"]);
    expect(view.processingFailed.items.map((i) => i.processingError)).toEqual([
      "The PDF is encrypted",
      "Unsupported font encoding",
    ]);
    expect(titles(view.neverUsed.items)).toEqual(["Unused for 60 days", "Unused for 20 days"]);
    expect(view.neverUsed.count).toBe(2);
    expect(titles(view.awaitingReview.items)).toEqual(["Omar's submission"]);

    // The nav badge: expired + review due + processing failed, for the owner only.
    expect(await countOwnerAttention(handle.db, marketer)).toBe(6);
    const omar = await ws.actor(otherMarketer);
    expect(await countOwnerAttention(handle.db, omar)).toBe(2);
    const omarView = await getAttention(handle.db, omar, { owner: "mine" });
    expect(titles(omarView.awaitingReview.items)).toEqual(["My submission"]);
  });

  it("only admins can look across every owner", async () => {
    await seedAttention();
    const marketer = await ws.actor(ws.people.marketer);
    const asksForAll = await getAttention(handle.db, marketer, { owner: "all" });
    expect(asksForAll.acrossOwners).toBe(false);
    expect(asksForAll.expired.count).toBe(2);

    const admin = await ws.actor(ws.people.admin);
    const adminMine = await getAttention(handle.db, admin, { owner: "mine" });
    expect(adminMine.expired.count + adminMine.reviewDue.count + adminMine.processingFailed.count).toBe(0);
    expect(await countOwnerAttention(handle.db, admin)).toBe(0);
    expect(titles(adminMine.awaitingReview.items)).toEqual(["My submission", "Omar's submission"]);

    const adminAll = await getAttention(handle.db, admin, { owner: "all" });
    expect(adminAll.acrossOwners).toBe(true);
    expect(titles(adminAll.expired.items)).toEqual([
      "Expired last month",
      "Omar's expired",
      "Expired yesterday",
    ]);
    expect(titles(adminAll.reviewDue.items)).toEqual(["Review overdue", "Omar's review", "Review in 5 days"]);
  });

  it("has empty sections when nothing needs attention", async () => {
    await asset("Healthy", { publishedAt: daysFromNow(-3), reviewBy: daysFromNow(60) });
    const view = await getAttention(handle.db, await ws.actor(ws.people.marketer), { owner: "mine" });
    for (const section of [
      view.expired,
      view.reviewDue,
      view.processingFailed,
      view.neverUsed,
      view.awaitingReview,
    ]) {
      expect(section).toEqual({ count: 0, items: [] });
    }
  });
});

describe("What's new", () => {
  async function seedPublications() {
    const [s0, , s2] = ws.stages;
    await asset("New in two stages", {
      publishedAt: daysFromNow(-2),
      stageIds: [s2!.id, s0!.id],
      partnerAccess: "all",
    });
    await asset("New ten days ago", { publishedAt: daysFromNow(-10), stageIds: [s2!.id] });
    await asset("Published 40 days ago", { publishedAt: daysFromNow(-40), stageIds: [s0!.id] });
    // Not live: none of these may show, to anyone.
    await asset("Back in draft", { status: "draft", publishedAt: daysFromNow(-1), stageIds: [s0!.id] });
    await asset("Re-submitted", { status: "in_review", publishedAt: daysFromNow(-1), stageIds: [s0!.id] });
    await asset("Archived recently", {
      status: "archived",
      publishedAt: daysFromNow(-3),
      stageIds: [s0!.id],
    });
    await asset("Expired already", {
      publishedAt: daysFromNow(-3),
      expiresAt: daysFromNow(-1),
      stageIds: [s2!.id],
    });
    return { s0: s0!, s2: s2! };
  }
  const shape = (groups: { stage: { name: string }; items: { title: string }[] }[]) =>
    groups.map((g) => [g.stage.name, titles(g.items)]);

  it("groups a rep's recent publications by stage in stage order, newest first", async () => {
    const { s0, s2 } = await seedPublications();
    const rep = await ws.actor(ws.people.rep);

    const month = await listWhatsNew(handle.db, rep, { sinceDays: 30 });
    expect(shape(month.groups)).toEqual([
      [s0.name, ["New in two stages"]],
      [s2.name, ["New in two stages", "New ten days ago"]],
    ]);
    expect(month.assetCount).toBe(2);

    const week = await listWhatsNew(handle.db, rep, { sinceDays: 7 });
    expect(shape(week.groups)).toEqual([
      [s0.name, ["New in two stages"]],
      [s2.name, ["New in two stages"]],
    ]);

    const quarter = await listWhatsNew(handle.db, rep, { sinceDays: 90 });
    expect(shape(quarter.groups)).toEqual([
      [s0.name, ["New in two stages", "Published 40 days ago"]],
      [s2.name, ["New in two stages", "New ten days ago"]],
    ]);
    const seen = quarter.groups.flatMap((g) => titles(g.items));
    for (const hidden of ["Back in draft", "Re-submitted", "Archived recently", "Expired already"]) {
      expect(seen).not.toContain(hidden);
    }
  });

  it("shows marketers the same live feed, and partners only what is shared with them", async () => {
    const { s0, s2 } = await seedPublications();
    const marketer = await listWhatsNew(handle.db, await ws.actor(ws.people.marketer), { sinceDays: 30 });
    expect(shape(marketer.groups)).toEqual([
      [s0.name, ["New in two stages"]],
      [s2.name, ["New in two stages", "New ten days ago"]],
    ]);
    const partner = await listWhatsNew(handle.db, await ws.actor(ws.people.partnerLow), {
      sinceDays: 90,
    });
    expect(shape(partner.groups)).toEqual([
      [s0.name, ["New in two stages"]],
      [s2.name, ["New in two stages"]],
    ]);
  });

  it("is empty when nothing was published in the window", async () => {
    await asset("Old news", { publishedAt: daysFromNow(-100) });
    const rep = await ws.actor(ws.people.rep);
    expect(await listWhatsNew(handle.db, rep, { sinceDays: 90 })).toEqual({ groups: [], assetCount: 0 });
  });
});
