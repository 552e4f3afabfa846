import "server-only";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetStages, assets, buyingStages, users } from "@/db/schema";
import type { WhatsNewRange } from "@/lib/content-views";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { isLive } from "./content-conditions";

/**
 * "What's new": live assets the viewer may see that were published within the last `sinceDays`, grouped by
 * buying stage in stage order (an asset tagged with several stages appears under each), newest first.
 * Marketers get the same live-only view reps get, so it shows what the field is being told is new.
 */
export async function listWhatsNew(db: Database, actor: Actor, opts: { sinceDays: WhatsNewRange }) {
  const rows = await db
    .select({
      stageId: buyingStages.id,
      stageName: buyingStages.name,
      id: assets.id,
      title: assets.title,
      type: assets.type,
      description: assets.description,
      publishedAt: assets.publishedAt,
      ownerName: users.name,
    })
    .from(assets)
    .innerJoin(assetStages, eq(assetStages.assetId, assets.id))
    .innerJoin(buyingStages, eq(buyingStages.id, assetStages.stageId))
    .innerJoin(users, eq(users.id, assets.ownerId))
    .where(
      and(
        assetVisibility(actor),
        isLive,
        gte(assets.publishedAt, sql`now() - make_interval(days => ${opts.sinceDays})`),
      ),
    )
    .orderBy(asc(buyingStages.position), desc(assets.publishedAt), asc(assets.id));

  const groups: {
    stage: { id: string; name: string };
    items: Omit<(typeof rows)[number], "stageId" | "stageName">[];
  }[] = [];
  for (const { stageId, stageName, ...item } of rows) {
    const last = groups.at(-1);
    if (last?.stage.id === stageId) last.items.push(item);
    else groups.push({ stage: { id: stageId, name: stageName }, items: [item] });
  }
  return { groups, assetCount: new Set(rows.map((r) => r.id)).size };
}
