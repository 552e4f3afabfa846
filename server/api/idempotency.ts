import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";

export interface StoredResponse {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs `produce` at most once per (user, Idempotency-Key). A repeat with the same request returns the first
 * response; a repeat with a different request, or while the first is still running, is a 409.
 */
export async function withIdempotency(
  db: Database,
  userId: string,
  key: string,
  fingerprint: string,
  produce: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (!KEY_PATTERN.test(key)) {
    throw new AppError("bad_request", "Idempotency-Key must be 1-200 visible ASCII characters");
  }
  const requestHash = createHash("sha256").update(fingerprint).digest("hex");
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  const where = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
  if (claimed.length === 0) {
    const [prior] = await db.select().from(idempotencyKeys).where(where);
    if (!prior || prior.requestHash !== requestHash) {
      throw new AppError(
        "idempotency_conflict",
        "This Idempotency-Key was already used with a different request",
      );
    }
    if (prior.responseStatus === null) {
      throw new AppError(
        "idempotency_conflict",
        "A request with this Idempotency-Key is still being processed",
      );
    }
    return { status: prior.responseStatus, body: prior.responseBody, replayed: true };
  }
  let result: StoredResponse;
  try {
    result = await produce();
  } catch (error) {
    // Nothing was created, so the key is released and a corrected retry can use it.
    await db.delete(idempotencyKeys).where(where);
    throw error;
  }
  if (result.body instanceof Response) {
    // A streamed response (an NDJSON import) cannot be stored for replay; free the key instead.
    await db.delete(idempotencyKeys).where(where);
    return { ...result, replayed: false };
  }
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: result.status, responseBody: result.body })
    .where(where);
  return { ...result, replayed: false };
}
