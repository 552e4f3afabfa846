import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authThrottle } from "@/db/schema";

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

/** An address gets more room than an account: several people can sit behind one office NAT. */
export const ADDRESS_FAILURE_FACTOR = 4;

export const throttleKeys = (email: string, ip: string | null) => {
  const keys = [{ key: `account:${email.trim().toLowerCase()}`, factor: 1 }];
  if (ip) keys.push({ key: `address:${ip}`, factor: ADDRESS_FAILURE_FACTOR });
  return keys;
};

/** Seconds until the earliest of these keys may try again, or 0 if none is blocked. */
export async function secondsUntilAllowed(db: Database, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({
      wait: sql<number>`ceil(extract(epoch from (${authThrottle.blockedUntil} - now())))::int`,
    })
    .from(authThrottle)
    .where(sql`${inArray(authThrottle.key, keys)} and ${authThrottle.blockedUntil} > now()`);
  return rows.reduce((max, r) => Math.max(max, Number(r.wait)), 0);
}

/** Counts one failure against each key; a key that reaches its limit is blocked for the lock period. */
export async function recordFailure(
  db: Database,
  keys: { key: string; factor: number }[],
  policy: ThrottlePolicy,
): Promise<void> {
  const window = `${policy.windowMinutes} minutes`;
  const lock = `${policy.lockMinutes} minutes`;
  for (const { key, factor } of keys) {
    const limit = policy.maxFailures * factor;
    await db.execute(sql`
      insert into auth_throttle (key, failures, window_started_at) values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when auth_throttle.window_started_at < now() - ${window}::interval
                        then 1 else auth_throttle.failures + 1 end,
        window_started_at = case when auth_throttle.window_started_at < now() - ${window}::interval
                        then now() else auth_throttle.window_started_at end`);
    await db.execute(sql`
      update auth_throttle set blocked_until = now() + ${lock}::interval, failures = 0, window_started_at = now()
      where key = ${key} and failures >= ${limit}`);
  }
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(authThrottle).where(inArray(authThrottle.key, [key]));
}

/**
 * Counts one hit against `key` in a fixed window and answers how many seconds remain in the window if the
 * limit is exceeded (0 when the hit is allowed). One statement, so it is safe across instances.
 */
export async function hitRateLimit(
  db: Database,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<number> {
  const window = `${windowSeconds} seconds`;
  const { rows } = await db.execute<{ hits: number; reset_in: number }>(sql`
    insert into auth_throttle (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when auth_throttle.window_started_at <= now() - ${window}::interval
                      then 1 else auth_throttle.failures + 1 end,
      window_started_at = case when auth_throttle.window_started_at <= now() - ${window}::interval
                      then now() else auth_throttle.window_started_at end
    returning failures as hits,
      greatest(1, ceil(extract(epoch from (window_started_at + ${window}::interval - now()))))::int as reset_in`);
  const row = rows[0]!;
  return Number(row.hits) > limit ? Number(row.reset_in) : 0;
}
