import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workspaces } from "@/db/schema";
import type { AuditAction } from "@/server/audit/audit-actions";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { SearchLanguage } from "@/lib/search-languages";
import type { Actor } from "@/server/authz/actor";

export async function getWorkspaceSettings(db: Database, workspaceId: string) {
  const [row] = await db
    .select({
      name: workspaces.name,
      logoUrl: workspaces.logoUrl,
      requireSecondApproval: workspaces.requireSecondApproval,
      searchLanguage: workspaces.searchLanguage,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row!;
}

/** Changes workspace settings and audits the change (`action`, with the new values) in the same transaction. */
async function changeWorkspaceSettings(
  db: Database,
  actor: Actor,
  action: AuditAction,
  patch: Pick<typeof workspaces.$inferInsert, "requireSecondApproval" | "searchLanguage">,
) {
  await db.transaction(async (tx) => {
    await tx.update(workspaces).set(patch).where(eq(workspaces.id, actor.workspaceId));
    await recordActorAudit(tx, actor, action, actor.workspaceId, patch);
  });
}

/** Turns the second-person approval rule for publishing on or off, audited. */
export function setSecondApproval(db: Database, actor: Actor, required: boolean) {
  return changeWorkspaceSettings(db, actor, "workspace.approval_rule_changed", {
    requireSecondApproval: required,
  });
}

/**
 * Changes the stemming language of full-text search; the database re-indexes the workspace's assets in
 * the same transaction (a trigger on the workspace row), so search never mixes two languages.
 */
export function setSearchLanguage(db: Database, actor: Actor, language: SearchLanguage) {
  return changeWorkspaceSettings(db, actor, "workspace.search_language_changed", {
    searchLanguage: language,
  });
}
