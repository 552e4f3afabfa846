import "server-only";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

/** Call with the transaction that made the change, so the entry and the change commit together. */
export async function recordAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(entry);
}
