import "server-only";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { auditActions, type AuditAction } from "./audit-actions";

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  /** The id of the record the action changed; its kind comes from the action (audit-actions.ts). */
  entityId: string;
  data?: Record<string, unknown>;
}

/** Call with the transaction that made the change, so the entry and the change commit together. */
export async function recordAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, entityType: auditActions[entry.action] });
}

/**
 * The usual entry: what the signed-in actor did to one record in their own workspace. Same transaction
 * rule as recordAudit.
 */
export function recordActorAudit(
  tx: Database,
  actor: Pick<Actor, "workspaceId" | "userId">,
  action: AuditAction,
  entityId: string,
  data?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    action,
    entityId,
    ...(data ? { data } : {}),
  });
}
