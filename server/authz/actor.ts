import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { partnerOrgs, partnerTiers, users } from "@/db/schema";
import type { Role } from "@/lib/roles";

/** Who is acting: always read from the database by the session's or token's user id, never from input. */
export interface Actor {
  userId: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  channelManager: boolean;
  partnerOrgId: string | null;
  partnerOrgName: string | null;
  partnerTierRank: number | null;
  partnerRegion: string | null;
  sessionVersion: number;
}

/**
 * Loads an active actor. Returns null for a deactivated user, a partner whose org was deactivated, or a
 * session issued before the user's sessions were revoked.
 */
export async function loadActor(
  db: Database,
  userId: string,
  sessionVersion?: number,
): Promise<Actor | null> {
  const rows = await db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      channelManager: users.channelManager,
      sessionVersion: users.sessionVersion,
      partnerOrgId: users.partnerOrgId,
      partnerOrgName: partnerOrgs.name,
      partnerOrgActive: partnerOrgs.active,
      partnerRegion: partnerOrgs.region,
      partnerTierRank: partnerTiers.rank,
    })
    .from(users)
    .leftJoin(partnerOrgs, eq(partnerOrgs.id, users.partnerOrgId))
    .leftJoin(partnerTiers, eq(partnerTiers.id, partnerOrgs.tierId))
    .where(and(eq(users.id, userId)))
    .limit(1);
  const row = rows[0];
  if (!row || !row.active) return null;
  if (sessionVersion !== undefined && row.sessionVersion !== sessionVersion) return null;
  if (row.role === "partner" && (!row.partnerOrgId || !row.partnerOrgActive)) return null;
  return {
    userId: row.userId,
    workspaceId: row.workspaceId,
    email: row.email,
    name: row.name,
    role: row.role,
    channelManager: row.channelManager,
    partnerOrgId: row.partnerOrgId,
    partnerOrgName: row.partnerOrgName,
    partnerTierRank: row.partnerTierRank,
    partnerRegion: row.partnerRegion,
    sessionVersion: row.sessionVersion,
  };
}
