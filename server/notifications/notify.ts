import "server-only";
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  announcements,
  assetStages,
  assetTerms,
  assetUsages,
  assets,
  contentRequestVotes,
  contentRequests,
  notificationSubscriptions,
  partnerOrgs,
  partnerTiers,
  users,
} from "@/db/schema";
import { assetTypeLabels } from "@/lib/assets";
import type { NotificationKind } from "@/lib/notifications";
import { fanOut } from "./fan-out";

/*
 * The notification service. Every function takes the transaction of the change that causes the news, so a
 * notification exists exactly when its cause does, and only reaches people who may see what it is about.
 */

/** People who follow the asset itself, its type, one of its stages or one of its tags. */
const followsAsset = sql`exists (select 1 from ${notificationSubscriptions} s where s.user_id = ${users.id} and (
  s.asset_id = ${assets.id} or s.asset_type = ${assets.type}
  or s.stage_id in (select ${assetStages.stageId} from ${assetStages} where ${assetStages.assetId} = ${assets.id})
  or s.term_id in (select ${assetTerms.termId} from ${assetTerms} where ${assetTerms.assetId} = ${assets.id})))`;

async function assetSummary(tx: Database, assetId: string) {
  const [row] = await tx
    .select({
      workspaceId: assets.workspaceId,
      title: assets.title,
      type: assets.type,
      description: assets.description,
    })
    .from(assets)
    .where(eq(assets.id, assetId));
  return row;
}

/** A newly published asset, to everyone who follows something it is tagged with and may see it. */
export async function notifyAssetPublished(tx: Database, input: { assetId: string; actorId: string }) {
  const asset = await assetSummary(tx, input.assetId);
  if (!asset) return;
  await fanOut(tx, {
    workspaceId: asset.workspaceId,
    kind: "asset_published",
    who: followsAsset,
    title: `New ${assetTypeLabels[asset.type].toLowerCase()}: ${asset.title}`,
    body: asset.description.slice(0, 280),
    link: `/assets/${input.assetId}`,
    asset: { id: input.assetId, audience: "visible" },
    dedupeKey: `asset_published:${input.assetId}`,
    excludeUserId: input.actorId,
    capped: true,
  });
}

/** A new version of an asset, to those who used it in a deal or follow it, and may see it. */
export async function notifyAssetVersion(
  tx: Database,
  input: { assetId: string; versionId: string; version: number; note: string; actorId: string },
) {
  const asset = await assetSummary(tx, input.assetId);
  if (!asset) return;
  await fanOut(tx, {
    workspaceId: asset.workspaceId,
    kind: "asset_version",
    who: sql`(exists (select 1 from ${assetUsages} u where u.actor_id = ${users.id} and u.asset_id = ${assets.id})
      or exists (select 1 from ${notificationSubscriptions} s where s.user_id = ${users.id} and s.asset_id = ${assets.id}))`,
    title: `New version ${input.version} of “${asset.title}”`,
    body: input.note || "Send the current version from now on.",
    link: `/assets/${input.assetId}`,
    asset: { id: input.assetId, audience: "visible" },
    dedupeKey: `asset_version:${input.versionId}`,
    excludeUserId: input.actorId,
    capped: true,
  });
}

/**
 * A field request moved: its requester and everyone who voted for it hear. With an asset (delivered),
 * those who may see the asset get a link to it; anyone who may not is told without the asset.
 */
export async function notifyRequestUpdate(
  tx: Database,
  input: {
    requestId: string;
    actorId: string;
    title: string;
    body: string;
    assetId?: string;
    /** What those who may not see the asset are told instead of body (which may name the asset). */
    bodyWithoutAsset?: string;
  },
) {
  const [request] = await tx
    .select({ workspaceId: contentRequests.workspaceId })
    .from(contentRequests)
    .where(eq(contentRequests.id, input.requestId));
  if (!request) return;
  const who = sql`(exists (select 1 from ${contentRequests} r where r.id = ${input.requestId} and r.requester_id = ${users.id})
    or exists (select 1 from ${contentRequestVotes} v where v.request_id = ${input.requestId} and v.user_id = ${users.id}))`;
  const common = {
    workspaceId: request.workspaceId,
    kind: "request_update" as const,
    who,
    title: input.title,
    body: input.body,
    requestId: input.requestId,
    dedupeKey: `request:${input.requestId}:${randomUUID()}`,
    excludeUserId: input.actorId,
  };
  if (!input.assetId) {
    await fanOut(tx, { ...common, link: `/requests#request-${input.requestId}` });
    return;
  }
  await fanOut(tx, {
    ...common,
    link: `/assets/${input.assetId}`,
    asset: { id: input.assetId, audience: "visible" },
  });
  await fanOut(tx, {
    ...common,
    body: input.bodyWithoutAsset ?? "",
    link: `/requests#request-${input.requestId}`,
    asset: { id: input.assetId, audience: "hidden" },
  });
}

/** An announcement, to all active reps (if chosen) and partners at or above the chosen tier. */
export async function notifyAnnouncement(tx: Database, announcementId: string) {
  const [a] = await tx.select().from(announcements).where(eq(announcements.id, announcementId));
  if (!a) return;
  const partnersAtTier = a.minPartnerTierId
    ? sql`(${users.role} = 'partner' and exists (
        select 1 from ${partnerOrgs} po join ${partnerTiers} vt on vt.id = po.tier_id
        join ${partnerTiers} mt on mt.id = ${a.minPartnerTierId}
        where po.id = ${users.partnerOrgId} and po.active and vt.rank >= mt.rank))`
    : sql`false`;
  await fanOut(tx, {
    workspaceId: a.workspaceId,
    kind: "announcement",
    who: sql`(${a.includeReps ? sql`${users.role} = 'rep'` : sql`false`} or ${partnersAtTier})`,
    title: a.title,
    // No count of linked assets: one body goes to everyone, and some may not see every asset.
    body: a.fieldNote.slice(0, 500),
    link: `/whats-new#announcement-${a.id}`,
    announcementId: a.id,
    dedupeKey: `announcement:${a.id}`,
    excludeUserId: a.authorId,
  });
}

/**
 * Tells chosen people something (feedback on their asset, a mention...). With an asset, only those of them
 * who may see it are told. A repeated dedupeKey for the same person is ignored.
 */
export async function notifyUsers(
  tx: Database,
  input: {
    workspaceId: string;
    recipientIds: string[];
    kind: NotificationKind;
    title: string;
    body?: string;
    link: string;
    assetId?: string;
    dedupeKey: string;
    excludeUserId?: string;
  },
) {
  if (input.recipientIds.length === 0) return;
  await fanOut(tx, {
    workspaceId: input.workspaceId,
    kind: input.kind,
    who: inArray(users.id, input.recipientIds),
    title: input.title,
    body: input.body ?? "",
    link: input.link,
    asset: input.assetId ? { id: input.assetId, audience: "visible" } : undefined,
    dedupeKey: input.dedupeKey,
    excludeUserId: input.excludeUserId,
  });
}
