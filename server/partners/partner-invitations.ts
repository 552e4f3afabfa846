import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { partnerInvitations, partnerOrgs, users, workspaces } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { acceptInvitationSchema, invitePartnerUserSchema } from "@/lib/schemas/partners";
import { recordActorAudit, recordAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { hashPassword } from "@/server/auth/password";
import { appUrl } from "@/server/mail/app-url";
import { sendEmail } from "@/server/mail/send-email";
import { hashToken } from "@/server/tokens/token-hash";

export const INVITATION_DAYS = 7;

/** Invites someone into a partner org: stores the token's hash and mails the one-time link. */
export async function invitePartnerUser(
  db: Database,
  actor: Actor,
  input: z.infer<typeof invitePartnerUserSchema>,
) {
  const token = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ id: partnerOrgs.id, name: partnerOrgs.name, active: partnerOrgs.active })
      .from(partnerOrgs)
      .where(and(eq(partnerOrgs.id, input.partnerOrgId), eq(partnerOrgs.workspaceId, actor.workspaceId)));
    if (!org) throw notFound("Partner organisation not found");
    if (!org.active) throw new AppError("conflict", "Reactivate the organisation before inviting people");
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) {
      throw new AppError("conflict", "Someone with this email already has an account", {
        fieldErrors: { email: ["Someone with this email already has an account"] },
      });
    }
    const [invitation] = await tx
      .insert(partnerInvitations)
      .values({
        workspaceId: actor.workspaceId,
        partnerOrgId: org.id,
        email: input.email,
        tokenHash: hashToken(token),
        invitedById: actor.userId,
        expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
      })
      .returning();
    const link = appUrl(`/invite/${token}`);
    await sendEmail(tx, {
      workspaceId: actor.workspaceId,
      to: input.email,
      kind: "partner_invitation",
      subject: `${actor.name} invited you to the ${org.name} partner portal`,
      text: [
        `${actor.name} invited you to join ${org.name} on Baton, where you will find the sales content shared with your organisation.`,
        "",
        `Accept the invitation and choose your password: ${link}`,
        "",
        `The link works once and expires in ${INVITATION_DAYS} days.`,
      ].join("\n"),
    });
    await recordActorAudit(tx, actor, "partner_invitation.created", invitation!.id, {
      email: input.email,
      partnerOrgId: org.id,
    });
    return invitation!;
  });
}

/** Invitations not yet accepted or withdrawn (expired ones included, so they can be re-sent). */
export function listOpenInvitations(db: Database, actor: Actor) {
  return db
    .select({
      id: partnerInvitations.id,
      partnerOrgId: partnerInvitations.partnerOrgId,
      email: partnerInvitations.email,
      createdAt: partnerInvitations.createdAt,
      expiresAt: partnerInvitations.expiresAt,
      expired: sql<boolean>`${partnerInvitations.expiresAt} <= now()`,
    })
    .from(partnerInvitations)
    .where(
      and(
        eq(partnerInvitations.workspaceId, actor.workspaceId),
        isNull(partnerInvitations.acceptedAt),
        isNull(partnerInvitations.revokedAt),
      ),
    )
    .orderBy(desc(partnerInvitations.createdAt));
}

export async function revokeInvitation(db: Database, actor: Actor, invitationId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(partnerInvitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(partnerInvitations.id, invitationId),
          eq(partnerInvitations.workspaceId, actor.workspaceId),
          isNull(partnerInvitations.acceptedAt),
          isNull(partnerInvitations.revokedAt),
        ),
      )
      .returning({ id: partnerInvitations.id });
    if (!row) throw notFound("No open invitation to revoke");
    await recordActorAudit(tx, actor, "partner_invitation.revoked", row.id, {});
  });
}

export type InvitationState =
  | { state: "open"; email: string; orgName: string; workspaceName: string }
  | { state: "unknown" | "expired" | "used" | "revoked" };

const lookupColumns = {
  id: partnerInvitations.id,
  workspaceId: partnerInvitations.workspaceId,
  partnerOrgId: partnerInvitations.partnerOrgId,
  email: partnerInvitations.email,
  expired: sql<boolean>`${partnerInvitations.expiresAt} <= now()`,
  acceptedAt: partnerInvitations.acceptedAt,
  revokedAt: partnerInvitations.revokedAt,
  orgName: partnerOrgs.name,
  orgActive: partnerOrgs.active,
  workspaceName: workspaces.name,
};

function stateOf(row: {
  expired: boolean;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  orgActive: boolean;
}): InvitationState["state"] {
  if (row.acceptedAt) return "used";
  if (row.revokedAt || !row.orgActive) return "revoked";
  if (row.expired) return "expired";
  return "open";
}

/** What the invitation link shows; a deactivated org's invitations count as revoked. */
export async function inspectInvitation(db: Database, token: string): Promise<InvitationState> {
  const [row] = await db
    .select(lookupColumns)
    .from(partnerInvitations)
    .innerJoin(partnerOrgs, eq(partnerOrgs.id, partnerInvitations.partnerOrgId))
    .innerJoin(workspaces, eq(workspaces.id, partnerInvitations.workspaceId))
    .where(eq(partnerInvitations.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  const state = stateOf(row);
  if (state !== "open") return { state };
  return { state, email: row.email, orgName: row.orgName, workspaceName: row.workspaceName };
}

export const invitationMessages: Record<Exclude<InvitationState["state"], "open">, string> = {
  unknown: "This invitation link is not valid. Check that you copied the whole link.",
  expired: `This invitation has expired (links last ${INVITATION_DAYS} days). Ask your channel manager for a new one.`,
  used: "This invitation has already been accepted. Sign in with the email and password you chose.",
  revoked: "This invitation was withdrawn. Ask your channel manager if you still need access.",
};

/** Creates the partner user from an open invitation and uses the invitation up, atomically. */
export async function acceptInvitation(db: Database, input: z.infer<typeof acceptInvitationSchema>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(lookupColumns)
      .from(partnerInvitations)
      .innerJoin(partnerOrgs, eq(partnerOrgs.id, partnerInvitations.partnerOrgId))
      .innerJoin(workspaces, eq(workspaces.id, partnerInvitations.workspaceId))
      .where(eq(partnerInvitations.tokenHash, hashToken(input.token)))
      .for("update", { of: partnerInvitations });
    if (!row) throw new AppError("not_found", invitationMessages.unknown);
    const state = stateOf(row);
    if (state !== "open") throw new AppError("conflict", invitationMessages[state]);
    const [user] = await tx
      .insert(users)
      .values({
        workspaceId: row.workspaceId,
        email: row.email,
        name: input.name,
        role: "partner",
        partnerOrgId: row.partnerOrgId,
        passwordHash,
      })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    if (!user) throw new AppError("conflict", invitationMessages.used);
    await tx
      .update(partnerInvitations)
      .set({ acceptedAt: sql`now()`, acceptedUserId: user.id })
      .where(eq(partnerInvitations.id, row.id));
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: user.id,
      action: "partner_invitation.accepted",
      entityId: row.id,
      data: { partnerOrgId: row.partnerOrgId },
    });
    return user;
  });
}
