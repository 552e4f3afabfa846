import "server-only";
import type { Database } from "@/db/client";
import { buyingStages, lossReasons, partnerTiers, workspaces } from "@/db/schema";
import { defaultBuyingStages, defaultLossReasons, defaultPartnerTiers } from "@/lib/workspace-defaults";

/** Creates a workspace with the default buying stages, partner tiers and loss reasons. */
export async function createWorkspace(db: Database, input: { name: string; slug: string }) {
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values(input).returning();
    if (!workspace) throw new Error("workspace insert returned nothing");
    const stages = await tx
      .insert(buyingStages)
      .values(defaultBuyingStages.map((s, i) => ({ workspaceId: workspace.id, position: i, ...s })))
      .returning();
    const tiers = await tx
      .insert(partnerTiers)
      .values(defaultPartnerTiers.map((name, i) => ({ workspaceId: workspace.id, name, rank: i + 1 })))
      .returning();
    await tx
      .insert(lossReasons)
      .values(defaultLossReasons.map((name, i) => ({ workspaceId: workspace.id, name, position: i })));
    return {
      workspace,
      stages: stages.sort((a, b) => a.position - b.position),
      tiers: tiers.sort((a, b) => a.rank - b.rank),
    };
  });
}
