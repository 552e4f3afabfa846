import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { partnerTiers } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";

/** The workspace's partner tiers in rank order. */
export function listTiers(db: Database, actor: Actor) {
  return db
    .select({ id: partnerTiers.id, name: partnerTiers.name, rank: partnerTiers.rank })
    .from(partnerTiers)
    .where(eq(partnerTiers.workspaceId, actor.workspaceId))
    .orderBy(asc(partnerTiers.rank));
}
