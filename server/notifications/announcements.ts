import "server-only";
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { announcementAssets, announcements, assets, partnerTiers, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { announcementInputSchema } from "@/lib/schemas/notifications";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { announcementVisibility, assetVisibility } from "@/server/authz/visibility";
import { notifyAnnouncement } from "./notify";

/** Publishes an announcement to its audience's notification centres (and so their next digest). */
export async function publishAnnouncement(
  db: Database,
  actor: Actor,
  input: z.infer<typeof announcementInputSchema>,
) {
  return db.transaction(async (tx) => {
    if (input.minPartnerTierId) {
      const [tier] = await tx
        .select({ id: partnerTiers.id })
        .from(partnerTiers)
        .where(
          and(eq(partnerTiers.id, input.minPartnerTierId), eq(partnerTiers.workspaceId, actor.workspaceId)),
        );
      if (!tier) {
        throw new AppError("validation_failed", "Unknown partner tier", {
          fieldErrors: { minPartnerTierId: ["Unknown partner tier"] },
        });
      }
    }
    const assetIds = [...new Set(input.assetIds)];
    if (assetIds.length) {
      const found = await tx
        .select({ id: assets.id })
        .from(assets)
        .where(and(inArray(assets.id, assetIds), assetVisibility(actor), eq(assets.status, "published")));
      if (found.length !== assetIds.length) {
        throw new AppError("validation_failed", "Link only published assets", {
          fieldErrors: { assetIds: ["Link only published assets"] },
        });
      }
    }
    const [announcement] = await tx
      .insert(announcements)
      .values({
        workspaceId: actor.workspaceId,
        authorId: actor.userId,
        title: input.title,
        fieldNote: input.fieldNote,
        includeReps: input.includeReps,
        minPartnerTierId: input.minPartnerTierId ?? null,
      })
      .returning();
    if (assetIds.length) {
      await tx
        .insert(announcementAssets)
        .values(assetIds.map((assetId) => ({ announcementId: announcement!.id, assetId })));
    }
    await recordActorAudit(tx, actor, "announcement.published", announcement!.id, {
      title: input.title,
      includeReps: input.includeReps,
      minPartnerTierId: input.minPartnerTierId,
    });
    await notifyAnnouncement(tx, announcement!.id);
    return announcement!;
  });
}

/** Recent announcements for the actor, each with the linked assets the actor may see. */
export async function listAnnouncements(db: Database, actor: Actor, opts: { sinceDays: number }) {
  const rows = await db
    .select({
      id: announcements.id,
      title: announcements.title,
      fieldNote: announcements.fieldNote,
      createdAt: announcements.createdAt,
      authorName: users.name,
    })
    .from(announcements)
    .innerJoin(users, eq(users.id, announcements.authorId))
    .where(
      and(
        eq(announcements.workspaceId, actor.workspaceId),
        gte(announcements.createdAt, sql`now() - make_interval(days => ${opts.sinceDays})`),
        announcementVisibility(actor),
      ),
    )
    .orderBy(desc(announcements.createdAt))
    .limit(20);
  if (rows.length === 0) return [];
  const linked = await db
    .select({ announcementId: announcementAssets.announcementId, id: assets.id, title: assets.title })
    .from(announcementAssets)
    .innerJoin(assets, eq(assets.id, announcementAssets.assetId))
    .where(
      and(
        inArray(
          announcementAssets.announcementId,
          rows.map((r) => r.id),
        ),
        assetVisibility(actor),
      ),
    );
  return rows.map((r) => ({
    ...r,
    assets: linked.filter((l) => l.announcementId === r.id).map(({ id, title }) => ({ id, title })),
  }));
}
