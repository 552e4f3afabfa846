import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { partnerOrgs, users } from "@/db/schema";
import { authenticateWithPassword, SIGN_IN_MESSAGES } from "@/server/auth/authenticate";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, TEST_PASSWORD, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
const policy = { maxFailures: 3, windowMinutes: 15, lockMinutes: 15 };

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const attempt = (email: string, password: string, ip: string | null = "203.0.113.9") =>
  authenticateWithPassword(handle.db, { email, password, ip }, policy);

describe("password sign-in", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const user = await attempt(ws.people.rep.email.toUpperCase(), TEST_PASSWORD, "198.51.100.1");
    expect(user.id).toBe(ws.people.rep.id);
    expect(user.role).toBe("rep");
  });

  it("answers a wrong password and an unknown email with the same message", async () => {
    await expect(attempt(ws.people.marketer.email, "wrong password", "198.51.100.2")).rejects.toMatchObject({
      code: "unauthenticated",
      message: SIGN_IN_MESSAGES.invalid,
    });
    await expect(attempt("nobody@nowhere.test", TEST_PASSWORD, "198.51.100.2")).rejects.toMatchObject({
      code: "unauthenticated",
      message: SIGN_IN_MESSAGES.invalid,
    });
  });

  it("tells a deactivated user (with the right password) that the account is deactivated", async () => {
    await handle.db.update(users).set({ active: false }).where(eq(users.id, ws.people.otherRep.id));
    await expect(attempt(ws.people.otherRep.email, TEST_PASSWORD, "198.51.100.3")).rejects.toMatchObject({
      code: "forbidden",
      message: SIGN_IN_MESSAGES.deactivated,
    });
    // ...but a wrong password on that account reveals nothing more than for anyone else.
    await expect(attempt(ws.people.otherRep.email, "nope", "198.51.100.3")).rejects.toMatchObject({
      message: SIGN_IN_MESSAGES.invalid,
    });
  });

  it("blocks a partner whose organisation was deactivated", async () => {
    await handle.db.update(partnerOrgs).set({ active: false }).where(eq(partnerOrgs.id, ws.orgs.low.id));
    await expect(attempt(ws.people.partnerLow.email, TEST_PASSWORD, "198.51.100.4")).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("throttles an account after repeated failures, even with the right password, from any address", async () => {
    const email = ws.people.admin.email;
    for (let i = 0; i < policy.maxFailures; i++) {
      await expect(attempt(email, `bad-${i}`, `192.0.2.${i}`)).rejects.toMatchObject({
        code: "unauthenticated",
      });
    }
    const blocked = await attempt(email, TEST_PASSWORD, "192.0.2.200").catch((e: unknown) => e);
    expect(blocked).toMatchObject({ code: "rate_limited" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  });

  it("throttles an unknown account exactly like a real one", async () => {
    for (let i = 0; i < policy.maxFailures; i++)
      await attempt("ghost@nowhere.test", "x", `192.0.2.${50 + i}`).catch(() => undefined);
    await expect(attempt("ghost@nowhere.test", "x", "192.0.2.99")).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

  it("throttles one address that tries many accounts", async () => {
    const ip = "203.0.113.77";
    const limit = policy.maxFailures * 4;
    for (let i = 0; i < limit; i++) await attempt(`spray-${i}@nowhere.test`, "x", ip).catch(() => undefined);
    await expect(attempt(ws.people.marketer.email, TEST_PASSWORD, ip)).rejects.toMatchObject({
      code: "rate_limited",
    });
    // The same account from another address is still fine.
    await expect(attempt(ws.people.marketer.email, TEST_PASSWORD, "203.0.113.78")).resolves.toMatchObject({
      id: ws.people.marketer.id,
    });
  });
});
