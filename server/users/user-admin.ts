import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { partnerOrgs, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { createUserSchema, updateUserSchema } from "@/lib/schemas/users";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { revokeTokensOfUsers } from "@/server/tokens/token-service";
import { hashPassword } from "@/server/auth/password";

export function listUsers(db: Database, actor: Actor) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      team: users.team,
      active: users.active,
      channelManager: users.channelManager,
      partnerOrgId: users.partnerOrgId,
      partnerOrgName: partnerOrgs.name,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .leftJoin(partnerOrgs, eq(partnerOrgs.id, users.partnerOrgId))
    .where(eq(users.workspaceId, actor.workspaceId))
    .orderBy(asc(users.role), asc(users.name));
}

export async function getUserOrThrow(db: Database, actor: Actor, userId: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workspaceId, actor.workspaceId)));
  if (!user) throw notFound("User not found");
  return user;
}

async function assertPartnerOrg(tx: Database, actor: Actor, partnerOrgId: string) {
  const [org] = await tx
    .select({ id: partnerOrgs.id })
    .from(partnerOrgs)
    .where(and(eq(partnerOrgs.id, partnerOrgId), eq(partnerOrgs.workspaceId, actor.workspaceId)));
  if (!org) {
    throw new AppError("validation_failed", "Unknown partner organisation", {
      fieldErrors: { partnerOrgId: ["Unknown partner organisation"] },
    });
  }
}

export async function createUser(db: Database, actor: Actor, input: z.infer<typeof createUserSchema>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (input.partnerOrgId) await assertPartnerOrg(tx, actor, input.partnerOrgId);
    const inserted = await tx
      .insert(users)
      .values({
        workspaceId: actor.workspaceId,
        email: input.email,
        name: input.name,
        role: input.role,
        team: input.team ?? null,
        partnerOrgId: input.role === "partner" ? input.partnerOrgId! : null,
        passwordHash,
      })
      .onConflictDoNothing()
      .returning();
    const user = inserted[0];
    if (!user) {
      throw new AppError("conflict", "A user with this email already exists", {
        fieldErrors: { email: ["A user with this email already exists"] },
      });
    }
    await recordActorAudit(tx, actor, "user.created", user.id, { email: user.email, role: user.role });
    return user;
  });
}

/**
 * Changes role, partner org or active state; deactivation signs the user out everywhere at once, and
 * deactivation or reactivation revokes the user's API tokens (reactivating never revives an old one).
 */
export async function updateUser(db: Database, actor: Actor, input: z.infer<typeof updateUserSchema>) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.workspaceId, actor.workspaceId)))
      .for("update");
    if (!user) throw notFound("User not found");
    if (user.id === actor.userId && (input.active === false || (input.role && input.role !== "admin"))) {
      throw new AppError("conflict", "You cannot deactivate yourself or remove your own admin role");
    }
    const role = input.role ?? user.role;
    const partnerOrgId = input.partnerOrgId !== undefined ? input.partnerOrgId : user.partnerOrgId;
    if (role === "partner" && !partnerOrgId) {
      throw new AppError("validation_failed", "A partner user belongs to a partner organisation", {
        fieldErrors: { partnerOrgId: ["Choose a partner organisation"] },
      });
    }
    if (partnerOrgId && partnerOrgId !== user.partnerOrgId) await assertPartnerOrg(tx, actor, partnerOrgId);
    const signOut = input.active === false || (input.role !== undefined && input.role !== user.role);
    const [updated] = await tx
      .update(users)
      .set({
        role,
        partnerOrgId: role === "partner" ? partnerOrgId : null,
        active: input.active ?? user.active,
        // Only marketers carry the flag; admins manage partners anyway.
        channelManager: role === "marketer" && (input.channelManager ?? user.channelManager),
        sessionVersion: signOut ? user.sessionVersion + 1 : user.sessionVersion,
      })
      .where(eq(users.id, user.id))
      .returning();
    if (input.active !== undefined && input.active !== user.active) {
      await revokeTokensOfUsers(tx, eq(users.id, user.id));
    }
    await recordActorAudit(tx, actor, "user.updated", user.id, {
      role: input.role,
      active: input.active,
      partnerOrgId: input.partnerOrgId,
      channelManager: input.channelManager,
    });
    return updated!;
  });
}
