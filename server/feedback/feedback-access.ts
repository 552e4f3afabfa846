import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/** The asset feedback is about, if the actor may see it (404 otherwise). */
export async function getFeedbackAssetOrThrow(db: Database, actor: Actor, assetId: string) {
  const [asset] = await db
    .select({ id: assets.id, title: assets.title, ownerId: assets.ownerId, status: assets.status })
    .from(assets)
    .where(and(eq(assets.id, assetId), assetVisibility(actor)));
  if (!asset) throw notFound("Asset not found");
  return asset;
}
