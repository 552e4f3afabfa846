import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { apiTokens, passwordResets, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { RESET_LINK_MINUTES } from "@/lib/password-reset";
import { recordAudit } from "@/server/audit/record-audit";
import { loadActor } from "@/server/authz/actor";
import { appUrl } from "@/server/mail/app-url";
import { sendEmail } from "@/server/mail/send-email";
import { revokeTokensOfUsers } from "@/server/tokens/token-service";
import { hashPassword } from "./password";
import { clearFailures, hitRateLimit, throttleKeys } from "./sign-in-throttle";

export { RESET_LINK_MINUTES };

/**
 * Requests per typed email address and per client address in a 15-minute window. Counted whether or not
 * an account uses the email, so being throttled says nothing about which addresses have accounts, and an
 * attacker gets too few samples to time the difference between a known and an unknown address.
 */
export const RESET_REQUEST_LIMITS = { perEmail: 3, perAddress: 20, windowSeconds: 15 * 60 } as const;

export const RESET_MESSAGES = {
  throttled: (seconds: number) =>
    `Too many reset requests. Try again in ${Math.max(1, Math.ceil(seconds / 60))} minute(s).`,
  unknown: "This reset link is not valid. Check that you copied the whole link, or ask for a new one.",
  expired: `This reset link has expired (links last ${RESET_LINK_MINUTES} minutes). Ask for a new one.`,
  used: "This reset link has already been used. Sign in with your new password, or ask for a new link.",
  retired:
    "A newer reset link replaced this one. Use the link in the most recent email, or ask for a new one.",
  inactive: "This account has been deactivated. Ask your Baton admin to reactivate it.",
} as const;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Mails a one-time link to choose a new password, if an active account uses `email`; otherwise does
 * nothing. Either way the caller learns the same thing. A new link retires any earlier one of the user.
 */
export async function requestPasswordReset(
  db: Database,
  input: { email: string; ip: string | null },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const limits = RESET_REQUEST_LIMITS;
  let wait = await hitRateLimit(db, `password-reset:email:${email}`, limits.perEmail, limits.windowSeconds);
  if (input.ip) {
    const addressWait = await hitRateLimit(
      db,
      `password-reset:address:${input.ip}`,
      limits.perAddress,
      limits.windowSeconds,
    );
    wait = Math.max(wait, addressWait);
  }
  if (wait > 0)
    throw new AppError("rate_limited", RESET_MESSAGES.throttled(wait), { retryAfterSeconds: wait });

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, workspaceId: users.workspaceId })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  // A deactivated user, or a partner whose organisation is deactivated, could not sign in with a new password.
  if (!user || !(await loadActor(db, user.id))) return;

  const token = randomBytes(32).toString("base64url");
  await db.transaction(async (tx) => {
    await retireOpenLinks(tx, user.id);
    const [reset] = await tx
      .insert(passwordResets)
      .values({
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: sql`now() + make_interval(mins => ${RESET_LINK_MINUTES})`,
      })
      .returning({ id: passwordResets.id });
    await sendEmail(tx, {
      workspaceId: user.workspaceId,
      to: user.email,
      recipientId: user.id,
      kind: "password_reset",
      subject: "Reset your Baton password",
      text: [
        `Hello ${user.name},`,
        "",
        "Someone (hopefully you) asked to reset the password of your Baton account.",
        `Choose a new password here: ${appUrl(`/reset-password/${token}`)}`,
        "",
        `The link works once and expires in ${RESET_LINK_MINUTES} minutes. Setting a new password signs you out`,
        "everywhere and revokes your API tokens.",
        "",
        "If you did not ask for this, ignore this email: your password stays as it is.",
      ].join("\n"),
    });
    await recordAudit(tx, {
      workspaceId: user.workspaceId,
      actorId: null,
      action: "user.password_reset_requested",
      entityId: user.id,
      data: { resetId: reset!.id },
    });
  });
}

function retireOpenLinks(tx: Database, userId: string) {
  return tx
    .update(passwordResets)
    .set({ retiredAt: sql`now()` })
    .where(
      and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), isNull(passwordResets.retiredAt)),
    );
}

export type PasswordResetState =
  { state: "open"; email: string } | { state: Exclude<keyof typeof RESET_MESSAGES, "throttled"> };

const lookupColumns = {
  id: passwordResets.id,
  userId: passwordResets.userId,
  expired: sql<boolean>`${passwordResets.expiresAt} <= now()`,
  usedAt: passwordResets.usedAt,
  retiredAt: passwordResets.retiredAt,
  email: users.email,
  workspaceId: users.workspaceId,
};

function stateOf(row: { expired: boolean; usedAt: Date | null; retiredAt: Date | null }) {
  if (row.usedAt) return "used" as const;
  if (row.retiredAt) return "retired" as const;
  if (row.expired) return "expired" as const;
  return "open" as const;
}

/** What the reset link shows before anything is submitted. */
export async function inspectPasswordReset(db: Database, token: string): Promise<PasswordResetState> {
  const [row] = await db
    .select(lookupColumns)
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  const state = stateOf(row);
  if (state !== "open") return { state };
  if (!(await loadActor(db, row.userId))) return { state: "inactive" };
  return { state, email: row.email };
}

/**
 * Sets the new password from an open link and uses the link up, atomically. Every session of the user ends
 * (the session version moves on) and every API token is revoked: a reset is how an account is taken back
 * from whoever knew the old password, and a token they created must not outlive it. A sign-in lock-out on
 * the account is lifted, since the person just proved they read its mail.
 */
export async function resetPassword(db: Database, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(lookupColumns)
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.tokenHash, hashToken(input.token)))
      .for("update", { of: passwordResets });
    if (!row) throw new AppError("not_found", RESET_MESSAGES.unknown);
    const state = stateOf(row);
    if (state !== "open") throw new AppError("conflict", RESET_MESSAGES[state]);
    if (!(await loadActor(tx, row.userId))) throw new AppError("forbidden", RESET_MESSAGES.inactive);

    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(eq(passwordResets.id, row.id));
    await retireOpenLinks(tx, row.userId);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, row.userId));
    const revokedTokens = await tx.$count(
      apiTokens,
      and(eq(apiTokens.userId, row.userId), isNull(apiTokens.revokedAt)),
    );
    await revokeTokensOfUsers(tx, eq(users.id, row.userId));
    await clearFailures(tx, throttleKeys(row.email, null)[0]!.key);
    await sendEmail(tx, {
      workspaceId: row.workspaceId,
      to: row.email,
      recipientId: row.userId,
      kind: "password_changed",
      subject: "Your Baton password was changed",
      text: [
        "The password of your Baton account was just changed with a reset link sent to this address.",
        "Every session was signed out and your API tokens were revoked.",
        "",
        `If this was not you, ask for a new link at ${appUrl("/forgot-password")} and tell your Baton admin.`,
      ].join("\n"),
    });
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorId: row.userId,
      action: "user.password_reset",
      entityId: row.userId,
      data: { resetId: row.id, revokedTokens },
    });
    return { email: row.email };
  });
}
