import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { hasPgErrorCode, PG_LOCK_NOT_AVAILABLE } from "@/db/pg-error";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ReceivedUpload } from "@/server/assets/receive-upload";
import type { StreamedBodyHash } from "./streamed-body-hash";

export interface StoredResponse {
  status: number;
  body: unknown;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
// How long a retry waits for a request still running with the same key before it is told to come back.
const IN_FLIGHT_WAIT = "3s";

/** Refuses a key that is empty, too long or not visible ASCII. */
export function assertIdempotencyKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new AppError("bad_request", "Idempotency-Key must be 1-200 visible ASCII characters");
  }
}

/** A fingerprint known up front, or one that can only be taken once the body has been read. */
export type Fingerprint = string | (() => Promise<string>);

/**
 * What identifies a request: its method and path, and its whole body. That is the JSON text as sent; for a
 * multipart upload, every text field and the file's name and contents (its SHA-256, taken while it
 * streamed into storage), so the same file sent with another boundary still matches and a different file
 * of the same length does not; for another streamed body, the hash of its bytes.
 */
export function requestFingerprint(
  target: string,
  body: { raw: string; upload?: ReceivedUpload<unknown>; streamed?: StreamedBodyHash },
): Fingerprint {
  const { upload, streamed } = body;
  if (streamed) return async () => `${target}\n${await streamed.digest()}`;
  if (!upload) return `${target}\n${body.raw}`;
  const hash = createHash("sha256");
  const parts = {
    ...upload.rawFields,
    "file.name": upload.file.originalName,
    "file.sha256": upload.file.sha256,
  };
  for (const name of Object.keys(parts).sort())
    hash.update(`${name}\0${parts[name as keyof typeof parts]}\0`);
  return `${target}\n${hash.digest("hex")}`;
}

/**
 * Runs `produce` at most once per (user, Idempotency-Key). The key's claim is written in the same
 * transaction as the work and the response it stores, so the three commit together or not at all: a
 * crash, a lost connection or a failed handler rolls the claim back with the work, and a retry runs the
 * work once; after a commit, every retry with the same request gets the stored response back. A retry
 * while the first request is still running waits briefly for it, then gets a 409 it can retry. The same
 * key with a different request is a 409. A fingerprint taken only after the body is read (a streamed body)
 * is compared before replaying and stored with the response.
 */
export async function withIdempotency(
  db: Database,
  userId: string,
  key: string,
  fingerprint: Fingerprint,
  produce: (tx: Database) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  assertIdempotencyKey(key);
  const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");
  const known = typeof fingerprint === "string" ? hashOf(fingerprint) : undefined;
  const requestHash = async () => known ?? hashOf(await (fingerprint as () => Promise<string>)());
  const where = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
  return db.transaction(async (tx) => {
    const claim = { userId, key, requestHash: known ?? "pending" };
    if (!(await claimKey(tx, claim))) {
      const [prior] = await tx.select().from(idempotencyKeys).where(where);
      if (prior && prior.responseStatus !== null) {
        if (prior.requestHash !== (await requestHash())) {
          throw new AppError(
            "idempotency_conflict",
            "This Idempotency-Key was already used with a different request",
          );
        }
        return { status: prior.responseStatus, body: prior.responseBody, replayed: true };
      }
      // A claim committed without its response predates claims living in the work's transaction: its
      // request never finished, so this retry takes the key over.
      await tx.delete(idempotencyKeys).where(where);
      await claimKey(tx, claim);
    }
    const result = await produce(tx);
    await tx
      .update(idempotencyKeys)
      .set({ requestHash: await requestHash(), responseStatus: result.status, responseBody: result.body })
      .where(where);
    return { ...result, replayed: false };
  });
}

/**
 * Inserts the claim inside the caller's transaction. A concurrent request holding the same key makes the
 * insert wait until that request commits (then this one replays) or rolls back (then this one claims).
 */
async function claimKey(
  tx: Database,
  row: { userId: string; key: string; requestHash: string },
): Promise<boolean> {
  await tx.execute(sql.raw(`set local lock_timeout = '${IN_FLIGHT_WAIT}'`));
  try {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values(row)
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    return claimed.length > 0;
  } catch (error) {
    if (hasPgErrorCode(error, PG_LOCK_NOT_AVAILABLE)) {
      throw new AppError(
        "idempotency_conflict",
        "A request with this Idempotency-Key is still being processed; retry shortly",
        { retryAfterSeconds: 1 },
      );
    }
    throw error;
  } finally {
    await tx.execute(sql.raw("set local lock_timeout to default")).catch(() => undefined);
  }
}
