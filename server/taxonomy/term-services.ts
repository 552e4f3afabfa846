import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { taxonomyTerms } from "@/db/schema";
import type { createTermSchema, moveTermSchema, renameTermSchema } from "@/lib/schemas/taxonomy";
import { recordActorAudit } from "@/server/audit/record-audit";
import type { Actor } from "@/server/authz/actor";
import { assertNameFree, lockTermOrThrow, withNameClashAsConflict } from "./term-lookup";

/** Adds a term at the end of its kind's list. */
export function createTerm(db: Database, actor: Actor, input: z.infer<typeof createTermSchema>) {
  return withNameClashAsConflict(input.kind, input.name, () =>
    db.transaction(async (tx) => {
      await assertNameFree(tx, { workspaceId: actor.workspaceId, ...input });
      const [term] = await tx
        .insert(taxonomyTerms)
        .values({
          workspaceId: actor.workspaceId,
          kind: input.kind,
          name: input.name,
          position: sql`(select coalesce(max(${taxonomyTerms.position}), -1) + 1 from ${taxonomyTerms} where ${taxonomyTerms.workspaceId} = ${actor.workspaceId} and ${taxonomyTerms.kind} = ${input.kind})`,
        })
        .returning();
      await recordActorAudit(tx, actor, "taxonomy_term.created", term!.id, {
        kind: input.kind,
        name: input.name,
      });
      return term!;
    }),
  );
}

/** Renames a term; every asset and deal carrying it shows the new name. */
export async function renameTerm(db: Database, actor: Actor, input: z.infer<typeof renameTermSchema>) {
  return db.transaction(async (tx) => {
    const term = await lockTermOrThrow(tx, actor.workspaceId, input.termId);
    if (term.name === input.name) return term;
    await assertNameFree(tx, { ...term, name: input.name, exceptId: term.id });
    const [renamed] = await withNameClashAsConflict(term.kind, input.name, () =>
      tx.update(taxonomyTerms).set({ name: input.name }).where(eq(taxonomyTerms.id, term.id)).returning(),
    );
    await recordActorAudit(tx, actor, "taxonomy_term.renamed", term.id, {
      kind: term.kind,
      from: term.name,
      to: input.name,
    });
    return renamed!;
  });
}

/**
 * Swaps a term with its neighbour above or below, then renumbers the kind's list 0..n-1 so positions stay
 * dense even if earlier data had gaps or ties. Moving the first term up (or the last down) changes nothing.
 */
export async function moveTerm(db: Database, actor: Actor, input: z.infer<typeof moveTermSchema>) {
  return db.transaction(async (tx) => {
    const term = await lockTermOrThrow(tx, actor.workspaceId, input.termId);
    const list = await tx
      .select({ id: taxonomyTerms.id, position: taxonomyTerms.position })
      .from(taxonomyTerms)
      .where(and(eq(taxonomyTerms.workspaceId, actor.workspaceId), eq(taxonomyTerms.kind, term.kind)))
      .orderBy(asc(taxonomyTerms.position), asc(taxonomyTerms.name))
      .for("update");
    const from = list.findIndex((t) => t.id === term.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return { moved: false };
    [list[from], list[to]] = [list[to]!, list[from]!];
    for (const [position, t] of list.entries()) {
      if (t.position !== position)
        await tx.update(taxonomyTerms).set({ position }).where(eq(taxonomyTerms.id, t.id));
    }
    await recordActorAudit(tx, actor, "taxonomy_term.moved", term.id, {
      kind: term.kind,
      name: term.name,
      direction: input.direction,
      position: to,
    });
    return { moved: true };
  });
}
