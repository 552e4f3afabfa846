/** PostgreSQL error codes the app reacts to (SQLSTATE). */
export const PG_UNIQUE_VIOLATION = "23505";
export const PG_LOCK_NOT_AVAILABLE = "55P03";

/**
 * Whether a database error, or any error it wraps (drizzle puts the driver's error in `cause`), carries
 * this SQLSTATE. Both drivers, pg and PGlite, report it as `code`.
 */
export function hasPgErrorCode(error: unknown, code: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === code) return true;
  }
  return false;
}
