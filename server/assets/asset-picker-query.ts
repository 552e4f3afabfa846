import "server-only";
import { and, desc, eq, ilike } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import { containsPattern } from "@/lib/sql-like";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

/** Published assets the actor may see whose title matches, for pickers (full search lives elsewhere). */
export function findAssetsByTitle(db: Database, actor: Actor, q: string, limit = 20) {
  const like = containsPattern(q);
  return db
    .select({ id: assets.id, title: assets.title, type: assets.type })
    .from(assets)
    .where(and(assetVisibility(actor), eq(assets.status, "published"), ilike(assets.title, like)))
    .orderBy(desc(assets.updatedAt))
    .limit(limit);
}
