import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workspaces } from "@/db/schema";
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

/** Turns the second-person approval rule for publishing on or off, audited. */
export async function setSecondApproval(db: Database, actor: Actor, required: boolean) {
  await db.transaction(async (tx) => {
    await tx
      .update(workspaces)
      .set({ requireSecondApproval: required })
      .where(eq(workspaces.id, actor.workspaceId));
    await recordActorAudit(
      tx,
      actor,
      "workspace.approval_rule_changed",
      { type: "workspace", id: actor.workspaceId },
      { requireSecondApproval: required },
    );
  });
}

/**
 * Changes the stemming language of full-text search; the database re-indexes the workspace's assets in
 * the same transaction (a trigger on the workspace row), so search never mixes two languages.
 */
export async function setSearchLanguage(db: Database, actor: Actor, language: SearchLanguage) {
  await db.transaction(async (tx) => {
    await tx.update(workspaces).set({ searchLanguage: language }).where(eq(workspaces.id, actor.workspaceId));
    await recordActorAudit(
      tx,
      actor,
      "workspace.search_language_changed",
      { type: "workspace", id: actor.workspaceId },
      { searchLanguage: language },
    );
  });
}
