import "server-only";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { dealStageHistory, deals } from "@/db/schema";
import { assertStageInWorkspace } from "@/server/workspaces/assert-stage";
import type { createDealSchema } from "@/lib/schemas/deals";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { partnerOrgIdFor } from "@/server/authz/rules";

/** Creates a deal owned by the actor (a partner's deal is registered to their org). */
export async function createDeal(db: Database, actor: Actor, input: z.infer<typeof createDealSchema>) {
  return db.transaction(async (tx) => {
    await assertStageInWorkspace(tx, actor.workspaceId, input.stageId);
    const [deal] = await tx
      .insert(deals)
      .values({
        workspaceId: actor.workspaceId,
        name: input.name,
        accountName: input.accountName,
        amountMinor: Math.round(input.amount * 100),
        currency: input.currency,
        stageId: input.stageId,
        closeDate: input.closeDate ?? null,
        ownerId: actor.userId,
        partnerOrgId: partnerOrgIdFor(actor),
      })
      .returning();
    await tx
      .insert(dealStageHistory)
      .values({ dealId: deal!.id, toStageId: input.stageId, status: "open", changedById: actor.userId });
    await recordActorAudit(tx, actor, "deal.created", deal!.id, { name: input.name });
    return deal!;
  });
}
