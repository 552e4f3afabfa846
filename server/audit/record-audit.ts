import "server-only";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";

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

/**
 * The usual entry: what the signed-in actor did to one thing in their own workspace. Same transaction
 * rule as recordAudit.
 */
export function recordActorAudit(
  tx: Database,
  actor: Pick<Actor, "workspaceId" | "userId">,
  action: string,
  entity: { type: string; id: string },
  data?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action,
    entityType: entity.type,
    entityId: entity.id,
    ...(data ? { data } : {}),
  });
}
