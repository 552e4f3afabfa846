import "server-only";
import { eq } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
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

/** The columns an actor is read from: the user, their partner organisation and its tier. */
const actorColumns = {
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
};

/**
 * Selects actorColumns (and `extra`) from users joined to their partner organisation and tier; the caller
 * adds its own joins and conditions.
 */
export function selectActor<E extends SelectedFields>(db: Database, extra: E) {
  return db
    .select({ ...actorColumns, ...extra })
    .from(users)
    .leftJoin(partnerOrgs, eq(partnerOrgs.id, users.partnerOrgId))
    .leftJoin(partnerTiers, eq(partnerTiers.id, partnerOrgs.tierId))
    .$dynamic();
}

type ActorRow = Awaited<ReturnType<typeof selectActor<Record<never, never>>>>[number];

/**
 * The actor a row of actorColumns describes, or null for a deactivated user, a partner whose org was
 * deactivated, or a session issued before the user's sessions were revoked.
 */
export function actorOf(row: ActorRow | undefined, sessionVersion?: number): Actor | null {
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

/** Loads an active actor by user id (see actorOf for who is not one). */
export async function loadActor(
  db: Database,
  userId: string,
  sessionVersion?: number,
): Promise<Actor | null> {
  const rows = await selectActor(db, {}).where(eq(users.id, userId)).limit(1);
  return actorOf(rows[0], sessionVersion);
}
