import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { dealStageHistory, deals } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import type { ImportRow } from "./normalise-row";
import { actsForEveryone } from "@/server/authz/rules";

export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: { externalId: string; problem: string }[];
}

/**
 * Upserts a batch of rows keyed by (source, externalId) in one transaction: new deals are inserted with a
 * first history entry, changed deals updated (with a history entry when stage or status moved), and
 * identical ones left alone, so importing the same file twice changes nothing.
 */
export async function writeBatch(
  db: Database,
  actor: Actor,
  source: string,
  rows: ImportRow[],
  firstStageId: string,
): Promise<BatchResult> {
  const result: BatchResult = { created: 0, updated: 0, unchanged: 0, skipped: [] };
  await db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(deals)
      .where(
        and(
          eq(deals.workspaceId, actor.workspaceId),
          eq(deals.externalSource, source),
          inArray(
            deals.externalId,
            rows.map((r) => r.externalId),
          ),
        ),
      );
    const byId = new Map(existing.map((d) => [d.externalId!, d]));
    const inserts: (typeof deals.$inferInsert)[] = [];
    const history: (typeof dealStageHistory.$inferInsert)[] = [];
    for (const row of rows) {
      const current = byId.get(row.externalId);
      // A lost deal whose CRM stage names no buying stage keeps the stage it had reached.
      const stageId = row.stageId ?? current?.stageId ?? firstStageId;
      // What the CRM says about the deal, as written on insert and on update alike.
      const fields = {
        name: row.name,
        accountName: row.accountName,
        amountMinor: row.amountMinor,
        currency: row.currency,
        stageId,
        status: row.status,
        closeDate: row.closeDate,
        ownerId: row.ownerId,
      };
      if (!current) {
        inserts.push({
          ...fields,
          workspaceId: actor.workspaceId,
          externalSource: source,
          externalId: row.externalId,
          closedAt: row.status === "open" ? null : new Date(),
        });
        continue;
      }
      if (!actsForEveryone(actor) && current.ownerId !== actor.userId) {
        result.skipped.push({
          externalId: row.externalId,
          problem: "This record belongs to another owner's deal",
        });
        continue;
      }
      const same = (Object.keys(fields) as (keyof typeof fields)[]).every((k) => current[k] === fields[k]);
      if (same) {
        result.unchanged += 1;
        continue;
      }
      await tx
        .update(deals)
        .set({
          ...fields,
          closedAt:
            row.status === "open" ? null : current.status === row.status ? current.closedAt : sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(deals.id, current.id));
      if (current.stageId !== stageId || current.status !== row.status) {
        history.push({
          dealId: current.id,
          fromStageId: current.stageId,
          toStageId: stageId,
          status: row.status,
          changedById: actor.userId,
        });
      }
      result.updated += 1;
    }
    if (inserts.length) {
      const created = await tx
        .insert(deals)
        .values(inserts)
        .returning({ id: deals.id, stageId: deals.stageId, status: deals.status });
      for (const d of created)
        history.push({ dealId: d.id, toStageId: d.stageId, status: d.status, changedById: actor.userId });
      result.created = created.length;
    }
    if (history.length) await tx.insert(dealStageHistory).values(history);
  });
  return result;
}
