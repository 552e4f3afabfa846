import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { assetTerms, dealTerms, taxonomyTerms } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { deleteTermSchema, mergeTermSchema } from "@/lib/schemas/taxonomy";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { lockTermOrThrow, type Term } from "./term-lookup";

async function usageOf(tx: Database, termId: string) {
  const [row] = await tx
    .select({
      assets: sql<number>`(select count(*) from ${assetTerms} where ${assetTerms.termId} = ${taxonomyTerms.id})::int`,
      deals: sql<number>`(select count(*) from ${dealTerms} where ${dealTerms.termId} = ${taxonomyTerms.id})::int`,
    })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.id, termId));
  return row!;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * Moves every asset and deal from the source term onto the target (skipping those that already carry the
 * target, so no link is duplicated), then deletes the source, whose remaining links cascade away.
 */
async function mergeInto(tx: Database, actor: Actor, source: Term, targetId: string) {
  const target = await lockTermOrThrow(tx, actor.workspaceId, targetId);
  if (target.kind !== source.kind) {
    throw new AppError("validation_failed", "Merge into a tag of the same kind", {
      fieldErrors: { targetId: ["Merge into a tag of the same kind"] },
    });
  }
  const usage = await usageOf(tx, source.id);
  await tx.execute(sql`
    insert into ${assetTerms} (asset_id, term_id)
    select asset_id, ${target.id}::uuid from ${assetTerms} where term_id = ${source.id}
    on conflict do nothing`);
  await tx.execute(sql`
    insert into ${dealTerms} (deal_id, term_id)
    select deal_id, ${target.id}::uuid from ${dealTerms} where term_id = ${source.id}
    on conflict do nothing`);
  await tx.delete(taxonomyTerms).where(eq(taxonomyTerms.id, source.id));
  await recordActorAudit(tx, actor, "taxonomy_term.merged", source.id, {
    kind: source.kind,
    name: source.name,
    into: { id: target.id, name: target.name },
    ...usage,
  });
  return { target, ...usage };
}

/** Merges one term into another of the same kind. */
export function mergeTerm(db: Database, actor: Actor, input: z.infer<typeof mergeTermSchema>) {
  return db.transaction(async (tx) => {
    const source = await lockTermOrThrow(tx, actor.workspaceId, input.sourceId);
    return mergeInto(tx, actor, source, input.targetId);
  });
}

/**
 * Deletes a term. A term in use is only deleted when the caller said what happens to the assets and deals
 * carrying it: take it off them, or merge it into another term.
 */
export function deleteTerm(db: Database, actor: Actor, input: z.infer<typeof deleteTermSchema>) {
  return db.transaction(async (tx) => {
    const term = await lockTermOrThrow(tx, actor.workspaceId, input.termId);
    if (input.inUse === "merge") {
      const merged = await mergeInto(tx, actor, term, input.targetId!);
      return { assets: merged.assets, deals: merged.deals, mergedInto: merged.target.name };
    }
    const usage = await usageOf(tx, term.id);
    if (input.inUse === "unused" && usage.assets + usage.deals > 0) {
      throw new AppError(
        "conflict",
        `“${term.name}” is used by ${plural(usage.assets, "asset")} and ${plural(usage.deals, "deal")}. ` +
          "Choose whether to remove it from them or merge it into another tag.",
        { details: { assets: String(usage.assets), deals: String(usage.deals) } },
      );
    }
    await tx.delete(taxonomyTerms).where(eq(taxonomyTerms.id, term.id));
    await recordActorAudit(tx, actor, "taxonomy_term.deleted", term.id, {
      kind: term.kind,
      name: term.name,
      removedFrom: usage,
    });
    return { ...usage, mergedInto: null };
  });
}
