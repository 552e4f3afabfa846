import "server-only";
import { createHash } from "node:crypto";

/** How every API token's secret begins. */
export const TOKEN_PREFIX = "bat_";

/** What is stored for a secret token: its SHA-256, hex. The secret itself is never stored. */
export function hashToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
