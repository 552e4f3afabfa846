import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { apiTokens, auditLog, authThrottle, outboundEmails, passwordResets, users } from "@/db/schema";
import { authenticateWithPassword, SIGN_IN_MESSAGES } from "@/server/auth/authenticate";
import {
  inspectPasswordReset,
  requestPasswordReset,
  RESET_LINK_MINUTES,
  RESET_MESSAGES,
  RESET_REQUEST_LIMITS,
  resetPassword,
} from "@/server/auth/password-reset";
import { requestPasswordResetAction, resetPasswordAction } from "@/server/auth/password-reset-actions";
import { loadActor } from "@/server/authz/actor";
import { listOutbox } from "@/server/mail/outbox-queries";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestWorkspace, TEST_PASSWORD, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

// The request action reads the caller's address from the request headers (no trusted proxy here).
vi.mock("next/headers", () => ({ headers: vi.fn(async () => new Headers()) }));

let handle: DatabaseHandle;
let ws: TestWorkspace;
const NEW_PASSWORD = "a brand new passphrase";

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());
// Each test starts with fresh request budgets; the throttling test spends them on purpose.
beforeEach(async () => {
  await handle.db.delete(authThrottle).where(sql`true`);
});

/** Asks for a link for `email` and returns the token from the newest reset mail to it. */
async function requestLink(email: string, ip: string | null = null) {
  await requestPasswordReset(handle.db, { email, ip });
  const [mail] = await handle.db
    .select()
    .from(outboundEmails)
    .where(and(eq(outboundEmails.toAddress, email.toLowerCase()), eq(outboundEmails.kind, "password_reset")))
    .orderBy(desc(outboundEmails.createdAt), desc(outboundEmails.id))
    .limit(1);
  const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
  return { token, mail: mail! };
}

const resetMailsTo = async (email: string) =>
  handle.db
    .select({ id: outboundEmails.id })
    .from(outboundEmails)
    .where(and(eq(outboundEmails.toAddress, email), eq(outboundEmails.kind, "password_reset")));

const signIn = (email: string, password: string) =>
  authenticateWithPassword(
    handle.db,
    { email, password, ip: null },
    { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  );

describe("password reset", () => {
  it("mails a one-time link whose 256-bit token is stored only as a hash and lasts 30 minutes", async () => {
    const user = ws.people.rep;
    const { token, mail } = await requestLink(user.email.toUpperCase());
    expect(mail).toMatchObject({ toAddress: user.email, recipientId: user.id, status: "outbox" });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await handle.db
      .select({
        tokenHash: passwordResets.tokenHash,
        minutes: sql<number>`round(extract(epoch from ${passwordResets.expiresAt} - ${passwordResets.createdAt}) / 60)::int`,
      })
      .from(passwordResets)
      .where(eq(passwordResets.userId, user.id));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.minutes).toBe(RESET_LINK_MINUTES);
    expect(await inspectPasswordReset(handle.db, token)).toEqual({ state: "open", email: user.email });
  });

  it("answers an unknown or deactivated address exactly like a known one, and mails nothing", async () => {
    await expect(requestPasswordReset(handle.db, { email: "nobody@nowhere.test", ip: null })).resolves.toBe(
      undefined,
    );
    expect(await resetMailsTo("nobody@nowhere.test")).toHaveLength(0);
    await handle.db.update(users).set({ active: false }).where(eq(users.id, ws.people.otherRep.id));
    await expect(
      requestPasswordReset(handle.db, { email: ws.people.otherRep.email, ip: null }),
    ).resolves.toBe(undefined);
    expect(await resetMailsTo(ws.people.otherRep.email)).toHaveLength(0);
    const action = await requestPasswordResetAction({ email: "nobody@nowhere.test" });
    const known = await requestPasswordResetAction({ email: ws.people.partnerHigh.email });
    expect(action).toEqual({ ok: true, data: null });
    expect(known).toEqual(action);
  });

  it("sets the new password, signs every session out, revokes API tokens and uses the link up", async () => {
    const user = ws.people.marketer;
    const before = (await loadActor(handle.db, user.id))!;
    await createApiToken(handle.db, before, "CRM sync");
    const { token } = await requestLink(user.email);

    await expect(resetPassword(handle.db, { token, password: NEW_PASSWORD })).resolves.toEqual({
      email: user.email,
    });

    expect(await loadActor(handle.db, user.id, before.sessionVersion)).toBeNull();
    const live = await handle.db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, user.id), sql`${apiTokens.revokedAt} is null`));
    expect(live).toHaveLength(0);
    await expect(signIn(user.email, TEST_PASSWORD)).rejects.toMatchObject({
      message: SIGN_IN_MESSAGES.invalid,
    });
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id });

    // Single use: the same link again is refused and changes nothing.
    expect(await inspectPasswordReset(handle.db, token)).toEqual({ state: "used" });
    await expect(
      resetPassword(handle.db, { token, password: "yet another passphrase" }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: RESET_MESSAGES.used,
    });
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id });

    const changed = await handle.db
      .select()
      .from(outboundEmails)
      .where(and(eq(outboundEmails.toAddress, user.email), eq(outboundEmails.kind, "password_changed")));
    expect(changed).toHaveLength(1);
    const audit = await handle.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, user.id)))
      .orderBy(auditLog.id);
    expect(audit).toEqual([
      { action: "user.password_reset_requested", actorId: null, data: { resetId: expect.any(String) } },
      {
        action: "user.password_reset",
        actorId: user.id,
        data: { resetId: expect.any(String), revokedTokens: 1 },
      },
    ]);
  });

  it("refuses a wrong token, and an expired link, without changing the password", async () => {
    const user = ws.people.partnerHigh;
    await expect(
      resetPassword(handle.db, { token: "x".repeat(43), password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "not_found", message: RESET_MESSAGES.unknown });
    expect(await inspectPasswordReset(handle.db, "x".repeat(43))).toEqual({ state: "unknown" });

    const { token } = await requestLink(user.email);
    await handle.db
      .update(passwordResets)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResets.userId, user.id));
    expect(await inspectPasswordReset(handle.db, token)).toEqual({ state: "expired" });
    await expect(resetPassword(handle.db, { token, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "conflict",
      message: RESET_MESSAGES.expired,
    });
    await expect(signIn(user.email, TEST_PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("a newer request retires the earlier link", async () => {
    const user = ws.people.partnerLow;
    const first = await requestLink(user.email);
    const second = await requestLink(user.email);
    expect(second.token).not.toBe(first.token);
    expect(await inspectPasswordReset(handle.db, first.token)).toEqual({ state: "retired" });
    await expect(
      resetPassword(handle.db, { token: first.token, password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ message: RESET_MESSAGES.retired });
    await expect(resetPassword(handle.db, { token: second.token, password: NEW_PASSWORD })).resolves.toEqual({
      email: user.email,
    });
  });

  it("throttles requests per typed address (known or not) and per client address", async () => {
    const { perEmail, perAddress } = RESET_REQUEST_LIMITS;
    for (const email of [ws.people.admin.email, "ghost@nowhere.test"]) {
      for (let i = 0; i < perEmail; i++) await requestPasswordReset(handle.db, { email, ip: null });
      const blocked = await requestPasswordReset(handle.db, { email, ip: null }).catch((e: unknown) => e);
      expect(blocked).toMatchObject({ code: "rate_limited" });
      expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    }
    // Only the allowed requests mailed anything.
    expect(await resetMailsTo(ws.people.admin.email)).toHaveLength(perEmail);

    const ip = "203.0.113.40";
    for (let i = 0; i < perAddress; i++) {
      await requestPasswordReset(handle.db, { email: `spray-${i}@nowhere.test`, ip });
    }
    await expect(requestPasswordReset(handle.db, { email: ws.people.rep.email, ip })).rejects.toMatchObject({
      code: "rate_limited",
    });
    await expect(
      requestPasswordReset(handle.db, { email: ws.people.rep.email, ip: "203.0.113.41" }),
    ).resolves.toBe(undefined);
  });

  it("lifts a sign-in lock-out on the account once the password is reset", async () => {
    const user = ws.people.admin;
    for (let i = 0; i < 5; i++) await signIn(user.email, `wrong-${i}`).catch(() => undefined);
    await expect(signIn(user.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "rate_limited" });
    const { token } = await requestLink(user.email);
    await resetPassword(handle.db, { token, password: NEW_PASSWORD });
    await expect(signIn(user.email, NEW_PASSWORD)).resolves.toMatchObject({ id: user.id });
  });

  it("holds a new password to the same rules as everywhere else", async () => {
    const { token } = await requestLink(ws.people.rep.email);
    expect(await resetPasswordAction({ token, password: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { password: ["Use at least 10 characters"] },
    });
    expect(await resetPasswordAction({ token, password: "nul\0 in a password" })).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await requestPasswordResetAction({ email: "not an email" })).toMatchObject({
      ok: false,
      fieldErrors: { email: ["Enter a valid email address"] },
    });
    expect(await inspectPasswordReset(handle.db, token)).toMatchObject({ state: "open" });
  });

  it("withholds a reset link from the admin's outbox once it goes out by SMTP", async () => {
    const { mail } = await requestLink(ws.people.rep.email);
    const shown = async () =>
      (await listOutbox(handle.db, ws.workspace.id)).find((m) => m.id === mail.id)!.textBody;
    expect(await shown()).toContain("/reset-password/");
    await handle.db.update(outboundEmails).set({ status: "sent" }).where(eq(outboundEmails.id, mail.id));
    expect(await shown()).not.toContain("/reset-password/");
  });
});
