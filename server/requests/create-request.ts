import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { buyingStages, contentRequestVotes, contentRequests, deals, taxonomyTerms } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { createRequestSchema } from "@/lib/schemas/requests";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { dealVisibility } from "@/server/authz/visibility";
import { partnerOrgIdFor } from "@/server/authz/rules";

/** Raises a field request; the requester's own "me too" is its first vote. */
export async function createRequest(db: Database, actor: Actor, input: z.infer<typeof createRequestSchema>) {
  return db.transaction(async (tx) => {
    await assertReferences(tx, actor, input);
    const [request] = await tx
      .insert(contentRequests)
      .values({
        workspaceId: actor.workspaceId,
        requesterId: actor.userId,
        partnerOrgId: partnerOrgIdFor(actor),
        title: input.title,
        details: input.details,
        stageId: input.stageId ?? null,
        industryId: input.industryId ?? null,
        competitorId: input.competitorId ?? null,
        dealId: input.dealId ?? null,
        urgency: input.urgency,
        searchQuery: input.searchQuery || null,
      })
      .returning();
    await tx.insert(contentRequestVotes).values({ requestId: request!.id, userId: actor.userId });
    await recordActorAudit(tx, actor, "request.created", request!.id, {
      title: input.title,
      urgency: input.urgency,
    });
    return request!;
  });
}

/** Stage and tags must be the workspace's (of the right kind); the deal one the requester may see. */
async function assertReferences(
  tx: Database,
  actor: Actor,
  input: { stageId?: string; industryId?: string; competitorId?: string; dealId?: string },
) {
  const invalid = (field: string, message: string) =>
    new AppError("validation_failed", message, { fieldErrors: { [field]: [message] } });
  if (input.stageId) {
    const [s] = await tx
      .select({ id: buyingStages.id })
      .from(buyingStages)
      .where(and(eq(buyingStages.id, input.stageId), eq(buyingStages.workspaceId, actor.workspaceId)));
    if (!s) throw invalid("stageId", "Unknown buying stage");
  }
  for (const [field, kind] of [
    ["industryId", "industry"],
    ["competitorId", "competitor"],
  ] as const) {
    const id = input[field];
    if (!id) continue;
    const [t] = await tx
      .select({ id: taxonomyTerms.id })
      .from(taxonomyTerms)
      .where(
        and(
          eq(taxonomyTerms.id, id),
          eq(taxonomyTerms.workspaceId, actor.workspaceId),
          eq(taxonomyTerms.kind, kind),
        ),
      );
    if (!t) throw invalid(field, `Unknown ${kind}`);
  }
  if (input.dealId) {
    const [d] = await tx
      .select({ id: deals.id })
      .from(deals)
      .where(and(eq(deals.id, input.dealId), dealVisibility(actor)));
    if (!d) throw invalid("dealId", "Choose one of your deals");
  }
}
