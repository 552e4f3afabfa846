import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { buyingStages, crmStageMappings } from "@/db/schema";
import { defaultStageHints } from "@/lib/crm-import/columns";

export interface StageRule {
  stageId: string | null;
  status: "open" | "won" | "lost" | null;
}

/** Lower-cased CRM stage -> rule: what was remembered for this source, then workspace names, then CRM defaults. */
export async function loadStageRules(db: Database, workspaceId: string, source: string) {
  const stages = await db
    .select({ id: buyingStages.id, name: buyingStages.name })
    .from(buyingStages)
    .where(eq(buyingStages.workspaceId, workspaceId));
  const byName = new Map(stages.map((s) => [s.name.toLowerCase(), s.id]));
  const saved = await db
    .select()
    .from(crmStageMappings)
    .where(and(eq(crmStageMappings.workspaceId, workspaceId), eq(crmStageMappings.source, source)));
  const savedRules = new Map(saved.map((m) => [m.crmStage, { stageId: m.stageId, status: m.status }]));
  const validStageIds = new Set(stages.map((s) => s.id));

  return {
    stages,
    validStageIds,
    ruleFor(crmStage: string): StageRule | null {
      const key = crmStage.trim().toLowerCase();
      const remembered = savedRules.get(key);
      if (remembered) return remembered;
      const direct = byName.get(key);
      if (direct) return { stageId: direct, status: null };
      const hint = defaultStageHints[key];
      if (hint)
        return {
          stageId: hint.stage ? (byName.get(hint.stage.toLowerCase()) ?? null) : null,
          status: hint.status ?? null,
        };
      return null;
    },
  };
}

/** Remembers the user's choices for this source so the next import maps the same way. */
export async function saveStageRules(
  db: Database,
  workspaceId: string,
  source: string,
  rules: Record<string, StageRule>,
) {
  const values = Object.entries(rules).map(([crmStage, rule]) => ({
    workspaceId,
    source,
    crmStage: crmStage.trim().toLowerCase(),
    stageId: rule.stageId,
    status: rule.status,
  }));
  if (values.length === 0) return;
  await db
    .insert(crmStageMappings)
    .values(values)
    .onConflictDoUpdate({
      target: [crmStageMappings.workspaceId, crmStageMappings.source, crmStageMappings.crmStage],
      set: { stageId: sql`excluded.stage_id`, status: sql`excluded.status` },
    });
}
