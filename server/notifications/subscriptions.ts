import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assets,
  buyingStages,
  notificationMutes,
  notificationSettings,
  notificationSubscriptions,
  taxonomyTerms,
} from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { DigestFrequency, NotificationKind } from "@/lib/notifications";
import type { FollowTarget } from "@/lib/schemas/notifications";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

const targetWhere = (actor: Actor, target: FollowTarget) =>
  and(
    eq(notificationSubscriptions.userId, actor.userId),
    "stageId" in target ? eq(notificationSubscriptions.stageId, target.stageId) : undefined,
    "termId" in target ? eq(notificationSubscriptions.termId, target.termId) : undefined,
    "assetType" in target ? eq(notificationSubscriptions.assetType, target.assetType) : undefined,
    "assetId" in target ? eq(notificationSubscriptions.assetId, target.assetId) : undefined,
  );

/** The stage, tag or asset must be one the actor's workspace has (and, for an asset, one they may see). */
async function assertTarget(db: Database, actor: Actor, target: FollowTarget) {
  let found: unknown[] = [true];
  if ("stageId" in target) {
    found = await db
      .select({ id: buyingStages.id })
      .from(buyingStages)
      .where(and(eq(buyingStages.id, target.stageId), eq(buyingStages.workspaceId, actor.workspaceId)));
  } else if ("termId" in target) {
    found = await db
      .select({ id: taxonomyTerms.id })
      .from(taxonomyTerms)
      .where(and(eq(taxonomyTerms.id, target.termId), eq(taxonomyTerms.workspaceId, actor.workspaceId)));
  } else if ("assetId" in target) {
    found = await db
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.id, target.assetId), assetVisibility(actor)));
  }
  if (found.length === 0) throw notFound("Nothing to follow there");
}

export async function follow(db: Database, actor: Actor, target: FollowTarget) {
  await assertTarget(db, actor, target);
  await db
    .insert(notificationSubscriptions)
    .values({ workspaceId: actor.workspaceId, userId: actor.userId, ...target })
    .onConflictDoNothing();
}

export async function unfollow(db: Database, actor: Actor, target: FollowTarget) {
  await db.delete(notificationSubscriptions).where(targetWhere(actor, target));
}

export async function isFollowing(db: Database, actor: Actor, target: FollowTarget): Promise<boolean> {
  const rows = await db
    .select({ id: notificationSubscriptions.id })
    .from(notificationSubscriptions)
    .where(targetWhere(actor, target));
  return rows.length > 0;
}

/** What the actor follows, with names, for the settings page. */
export async function listFollows(db: Database, actor: Actor) {
  return db
    .select({
      stageId: notificationSubscriptions.stageId,
      termId: notificationSubscriptions.termId,
      assetType: notificationSubscriptions.assetType,
      assetId: notificationSubscriptions.assetId,
      name: sql<string | null>`coalesce(${buyingStages.name}, ${taxonomyTerms.name}, ${assets.title})`,
      termKind: taxonomyTerms.kind,
    })
    .from(notificationSubscriptions)
    .leftJoin(buyingStages, eq(buyingStages.id, notificationSubscriptions.stageId))
    .leftJoin(taxonomyTerms, eq(taxonomyTerms.id, notificationSubscriptions.termId))
    .leftJoin(assets, and(eq(assets.id, notificationSubscriptions.assetId), assetVisibility(actor)))
    .where(eq(notificationSubscriptions.userId, actor.userId))
    .orderBy(asc(notificationSubscriptions.createdAt));
}

export async function getNotificationSettings(db: Database, actor: Actor) {
  const [settings] = await db
    .select({ digest: notificationSettings.digest, lastDigestAt: notificationSettings.lastDigestAt })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, actor.userId));
  const muted = await db
    .select({ kind: notificationMutes.kind })
    .from(notificationMutes)
    .where(eq(notificationMutes.userId, actor.userId));
  return {
    digest: settings?.digest ?? ("daily" as DigestFrequency),
    lastDigestAt: settings?.lastDigestAt ?? null,
    mutedKinds: muted.map((m) => m.kind),
  };
}

export async function saveNotificationSettings(
  db: Database,
  actor: Actor,
  input: { digest: DigestFrequency; mutedKinds: NotificationKind[] },
) {
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationSettings)
      .values({ userId: actor.userId, digest: input.digest })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { digest: input.digest } });
    await tx.delete(notificationMutes).where(eq(notificationMutes.userId, actor.userId));
    if (input.mutedKinds.length) {
      await tx
        .insert(notificationMutes)
        .values([...new Set(input.mutedKinds)].map((kind) => ({ userId: actor.userId, kind })));
    }
  });
}
