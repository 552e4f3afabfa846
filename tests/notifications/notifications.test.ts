import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetUsages, notifications, outboundEmails, users } from "@/db/schema";
import { changeAssetStatus } from "@/server/assets/change-asset-status";
import { publishAnnouncement } from "@/server/notifications/announcements";
import { notifyExpiringContent } from "@/server/notifications/expiring-content";
import { HOURLY_CAP } from "@/server/notifications/fan-out";
import {
  countUnread,
  listNotifications,
  markNotificationsRead,
} from "@/server/notifications/notification-queries";
import { notifyAssetVersion, notifyUsers } from "@/server/notifications/notify";
import { DIGEST_MAX_ITEMS, sendDueDigests } from "@/server/notifications/send-digests";
import { follow, saveNotificationSettings } from "@/server/notifications/subscriptions";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function publishDraft(ws: TestWorkspace, opts: Parameters<typeof createTestAsset>[2] = {}) {
  const asset = await createTestAsset(handle.db, ws, { ...opts, status: "draft" });
  await changeAssetStatus(handle.db, await ws.actor(ws.people.marketer), asset.id, "published");
  return asset;
}

const inbox = async (ws: TestWorkspace, user: { id: string }) =>
  listNotifications(handle.db, await ws.actor(user));

describe("notifications from subscriptions", () => {
  it("a follower of a stage hears about a newly published asset once, and others do not", async () => {
    const ws = await createTestWorkspace(handle.db);
    const stage = ws.stages[2]!.id;
    await follow(handle.db, await ws.actor(ws.people.rep), { stageId: stage });
    const asset = await publishDraft(ws, { title: "Discovery call guide", stageIds: [stage] });
    await changeAssetStatus(handle.db, await ws.actor(ws.people.marketer), asset.id, "archived");
    await changeAssetStatus(handle.db, await ws.actor(ws.people.marketer), asset.id, "published");
    const mine = await inbox(ws, ws.people.rep);
    expect(mine.map((n) => [n.kind, n.link])).toEqual([["asset_published", `/assets/${asset.id}`]]);
    expect(mine[0]!.title).toContain("Discovery call guide");
    expect(await inbox(ws, ws.people.otherRep)).toEqual([]);
    await publishDraft(ws, { title: "Other stage deck", stageIds: [ws.stages[4]!.id] });
    expect(await countUnread(handle.db, await ws.actor(ws.people.rep))).toBe(1);
  });

  it("a partner never hears about an asset it may not see, even when it follows the stage", async () => {
    const ws = await createTestWorkspace(handle.db);
    const stage = ws.stages[1]!.id;
    for (const p of [ws.people.partnerLow, ws.people.partnerHigh, ws.people.rep]) {
      await follow(handle.db, await ws.actor(p), { stageId: stage });
    }
    await publishDraft(ws, { title: "Internal pricing", stageIds: [stage] });
    await publishDraft(ws, {
      title: "Platinum playbook",
      stageIds: [stage],
      partnerAccess: "tier",
      minPartnerTierId: ws.tiers[3]!.id,
    });
    await publishDraft(ws, { title: "Partner one-pager", stageIds: [stage], partnerAccess: "all" });
    const titles = async (u: { id: string }) =>
      (await inbox(ws, u)).map((n) => n.title.split(": ")[1]).sort();
    expect(await titles(ws.people.partnerLow)).toEqual(["Partner one-pager"]);
    expect(await titles(ws.people.partnerHigh)).toEqual(["Partner one-pager", "Platinum playbook"]);
    expect(await titles(ws.people.rep)).toEqual([
      "Internal pricing",
      "Partner one-pager",
      "Platinum playbook",
    ]);
  });

  it("a new version reaches those who used the asset, but not its uploader", async () => {
    const ws = await createTestWorkspace(handle.db);
    const asset = await createTestAsset(handle.db, ws, { title: "ROI model" });
    const deal = await createTestDeal(handle.db, ws);
    await handle.db.insert(assetUsages).values({
      workspaceId: ws.workspace.id,
      assetId: asset.id,
      dealId: deal.id,
      stageId: deal.stageId,
      actorId: ws.people.rep.id,
    });
    await handle.db.transaction((tx) =>
      notifyAssetVersion(tx, {
        assetId: asset.id,
        versionId: asset.currentVersionId,
        version: 2,
        note: "Updated 2027 prices",
        actorId: ws.people.marketer.id,
      }),
    );
    expect((await inbox(ws, ws.people.rep)).map((n) => [n.kind, n.body])).toEqual([
      ["asset_version", "Updated 2027 prices"],
    ]);
    expect(await inbox(ws, ws.people.otherRep)).toEqual([]);
    expect(await inbox(ws, ws.people.marketer)).toEqual([]);
  });
});

describe("no notification storms", () => {
  it("publishing 50 assets gives a follower at most the hourly cap plus one counted entry, and ONE digest email", async () => {
    const ws = await createTestWorkspace(handle.db);
    const rep = await ws.actor(ws.people.rep);
    await follow(handle.db, rep, { assetType: "battlecard" });
    for (let i = 0; i < 50; i++) await publishDraft(ws, { title: `Battlecard ${i}`, type: "battlecard" });
    const entries = await inbox(ws, ws.people.rep);
    expect(entries).toHaveLength(HOURLY_CAP + 1);
    const folded = entries.find((n) => n.itemCount > 1)!;
    expect(folded.itemCount).toBe(50 - HOURLY_CAP);
    expect(folded.body).toBe(
      `${50 - HOURLY_CAP} more updates in the last hour; open What's new to see everything`,
    );

    expect(await sendDueDigests(handle.db, { workspaceId: ws.workspace.id })).toBe(1);
    const mails = await handle.db
      .select()
      .from(outboundEmails)
      .where(and(eq(outboundEmails.recipientId, rep.userId), eq(outboundEmails.kind, "digest")));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Baton: ${HOURLY_CAP + 1} updates for you`);
    expect(mails[0]!.textBody).toContain("Battlecard 0");
    expect(mails[0]!.textBody).not.toContain("Battlecard 49");
    expect(mails[0]!.textBody).toContain(`${50 - HOURLY_CAP} more updates in the last hour`);
    expect(mails[0]!.textBody).toContain("/notifications");
    // Nothing new since: the next sweep sends nothing, and nor does a sweep before the day is out.
    expect(await sendDueDigests(handle.db, { workspaceId: ws.workspace.id })).toBe(0);
    await publishDraft(ws, { title: "Battlecard late", type: "battlecard" });
    expect(await sendDueDigests(handle.db, { workspaceId: ws.workspace.id })).toBe(0);
    // An admin's "send now" sends it early: one more email with only the new entry.
    expect(await sendDueDigests(handle.db, { workspaceId: ws.workspace.id, early: true })).toBe(1);
    const [latest] = await handle.db
      .select()
      .from(outboundEmails)
      .where(eq(outboundEmails.recipientId, rep.userId))
      .orderBy(desc(outboundEmails.createdAt));
    expect(latest!.subject).toBe("Baton: 1 update for you");
  });

  it("a digest lists at most its cap, counts the rest, and leaves read entries out", async () => {
    const ws = await createTestWorkspace(handle.db);
    const rep = await ws.actor(ws.people.rep);
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < DIGEST_MAX_ITEMS + 5; i++) {
        await notifyUsers(tx, {
          workspaceId: ws.workspace.id,
          recipientIds: [rep.userId],
          kind: "feedback",
          title: `Feedback ${i}`,
          link: "/content",
          dedupeKey: `feedback:${i}`,
        });
      }
    });
    const [first] = await inbox(ws, ws.people.rep);
    await markNotificationsRead(handle.db, rep, [first!.id]);
    await sendDueDigests(handle.db, { workspaceId: ws.workspace.id });
    const [mail] = await handle.db
      .select()
      .from(outboundEmails)
      .where(eq(outboundEmails.recipientId, rep.userId));
    expect(mail!.subject).toBe(`Baton: ${DIGEST_MAX_ITEMS + 4} updates for you`);
    expect(mail!.textBody).toContain("…and 4 more in your notification centre.");
    expect(mail!.textBody).not.toContain(`- ${first!.title}\n`);
    expect(mail!.htmlBody).toContain("<h3>Feedback on your content</h3>");
  });
});

describe("muting and preferences", () => {
  it("a muted kind is neither stored, listed nor mailed; digest off sends nothing", async () => {
    const ws = await createTestWorkspace(handle.db);
    const [rep, otherRep] = [await ws.actor(ws.people.rep), await ws.actor(ws.people.otherRep)];
    for (const r of [rep, otherRep]) await follow(handle.db, r, { stageId: ws.stages[0]!.id });
    await saveNotificationSettings(handle.db, rep, { digest: "daily", mutedKinds: ["asset_published"] });
    await saveNotificationSettings(handle.db, otherRep, { digest: "off", mutedKinds: [] });
    await publishDraft(ws, { title: "Intro deck", stageIds: [ws.stages[0]!.id] });
    expect(await inbox(ws, ws.people.rep)).toEqual([]);
    expect(await inbox(ws, ws.people.otherRep)).toHaveLength(1);
    await publishAnnouncement(handle.db, await ws.actor(ws.people.marketer), {
      title: "New pricing",
      fieldNote: "Lead with the annual plan",
      includeReps: true,
      assetIds: [],
    });
    expect((await inbox(ws, ws.people.rep)).map((n) => n.kind)).toEqual(["announcement"]);
    // Muting later hides what is already there.
    await saveNotificationSettings(handle.db, rep, { digest: "daily", mutedKinds: ["announcement"] });
    expect(await countUnread(handle.db, rep)).toBe(0);
    expect(await sendDueDigests(handle.db, { workspaceId: ws.workspace.id })).toBe(0);
  });

  it("mark read and mark all read only touch the reader's own entries", async () => {
    const ws = await createTestWorkspace(handle.db);
    const [rep, otherRep] = [await ws.actor(ws.people.rep), await ws.actor(ws.people.otherRep)];
    await handle.db.transaction((tx) =>
      notifyUsers(tx, {
        workspaceId: ws.workspace.id,
        recipientIds: [rep.userId, otherRep.userId],
        kind: "feedback",
        title: "Hello",
        link: "/",
        dedupeKey: "hello",
      }),
    );
    const [theirs] = await inbox(ws, ws.people.otherRep);
    expect(await markNotificationsRead(handle.db, rep, [theirs!.id])).toBe(0);
    expect(await markNotificationsRead(handle.db, rep)).toBe(1);
    expect(await countUnread(handle.db, rep)).toBe(0);
    expect(await countUnread(handle.db, otherRep)).toBe(1);
  });
});

describe("announcements and expiring content", () => {
  it("an announcement reaches reps and partners at or above the tier, with only the assets each may see", async () => {
    const ws = await createTestWorkspace(handle.db);
    const internal = await createTestAsset(handle.db, ws, { title: "Internal talk track" });
    const forPartners = await createTestAsset(handle.db, ws, { title: "Partner deck", partnerAccess: "all" });
    const marketer = await ws.actor(ws.people.marketer);
    await publishAnnouncement(handle.db, marketer, {
      title: "Spring launch",
      fieldNote: "Open with the new ROI story",
      includeReps: true,
      minPartnerTierId: ws.tiers[3]!.id,
      assetIds: [internal.id, forPartners.id],
    });
    expect((await inbox(ws, ws.people.rep)).map((n) => n.title)).toEqual(["Spring launch"]);
    expect((await inbox(ws, ws.people.partnerHigh)).map((n) => n.title)).toEqual(["Spring launch"]);
    expect(await inbox(ws, ws.people.partnerLow)).toEqual([]);
    const { listAnnouncements } = await import("@/server/notifications/announcements");
    const seen = await listAnnouncements(handle.db, await ws.actor(ws.people.partnerHigh), { sinceDays: 30 });
    expect(seen.map((a) => a.assets.map((x) => x.title))).toEqual([["Partner deck"]]);
    expect(
      await listAnnouncements(handle.db, await ws.actor(ws.people.partnerLow), { sinceDays: 30 }),
    ).toEqual([]);
  });

  it("owners hear once about their published assets that expire within two weeks", async () => {
    const ws = await createTestWorkspace(handle.db);
    const soon = await createTestAsset(handle.db, ws, {
      title: "Expiring soon",
      expiresAt: new Date(Date.now() + 3 * 86_400_000),
    });
    await createTestAsset(handle.db, ws, {
      title: "Far off",
      expiresAt: new Date(Date.now() + 90 * 86_400_000),
    });
    await notifyExpiringContent(handle.db);
    await notifyExpiringContent(handle.db);
    const owned = await handle.db
      .select()
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientId))
      .where(eq(users.workspaceId, ws.workspace.id));
    expect(owned.map((r) => [r.notifications.kind, r.notifications.assetId, r.users.id])).toEqual([
      ["content_expiring", soon.id, ws.people.marketer.id],
    ]);
  });
});
