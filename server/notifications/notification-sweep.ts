import "server-only";
import type { Database } from "@/db/client";
import { notifyExpiringContent } from "./expiring-content";
import { sendDueDigests } from "./send-digests";

/** The periodic notification work: expiry warnings first, so they make it into the digests sent now. */
export async function runNotificationSweep(
  db: Database,
  opts: { workspaceId?: string; early?: boolean } = {},
) {
  const expiring = await notifyExpiringContent(db);
  const digests = await sendDueDigests(db, opts);
  return { expiring, digests };
}
