import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/server/authz/actor";
import { dummyPasswordHash, verifyPassword } from "./password";
import {
  clearFailures,
  recordFailure,
  secondsUntilAllowed,
  throttleKeys,
  type ThrottlePolicy,
} from "./sign-in-throttle";

export const SIGN_IN_MESSAGES = {
  invalid: "Incorrect email or password.",
  deactivated: "This account has been deactivated. Ask your Baton admin to reactivate it.",
  throttled: (seconds: number) =>
    `Too many failed sign-ins. Try again in ${Math.max(1, Math.ceil(seconds / 60))} minute(s).`,
} as const;

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "marketer" | "rep" | "partner";
  partnerOrgId: string | null;
  workspaceId: string;
  sessionVersion: number;
}

/**
 * Checks an email + password. The answer is the same whether or not the account exists; only a caller
 * who knows the right password learns that an account is deactivated.
 */
export async function authenticateWithPassword(
  db: Database,
  input: { email: string; password: string; ip: string | null },
  policy: ThrottlePolicy,
): Promise<AuthenticatedUser> {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const wait = await secondsUntilAllowed(
    db,
    keys.map((k) => k.key),
  );
  if (wait > 0)
    throw new AppError("rate_limited", SIGN_IN_MESSAGES.throttled(wait), { retryAfterSeconds: wait });

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !user.passwordHash || !ok) {
    await recordFailure(db, keys, policy);
    throw new AppError("unauthenticated", SIGN_IN_MESSAGES.invalid);
  }
  await clearFailures(db, keys[0]!.key);
  // Covers a deactivated user and a partner whose organisation was deactivated.
  if (!(await loadActor(db, user.id))) throw new AppError("forbidden", SIGN_IN_MESSAGES.deactivated);
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, user.id));
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partnerOrgId: user.partnerOrgId,
    workspaceId: user.workspaceId,
    sessionVersion: user.sessionVersion,
  };
}
