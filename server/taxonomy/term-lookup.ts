import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { hasPgErrorCode, PG_UNIQUE_VIOLATION } from "@/db/pg-error";
import { taxonomyTerms } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { taxonomyKindLabels, type TaxonomyKind } from "@/lib/taxonomy";

export type Term = typeof taxonomyTerms.$inferSelect;

/** A term of the workspace, locked for the rest of the transaction; another workspace's term is a 404. */
export async function lockTermOrThrow(tx: Database, workspaceId: string, termId: string): Promise<Term> {
  const [term] = await tx
    .select()
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.id, termId), eq(taxonomyTerms.workspaceId, workspaceId)))
    .for("update");
  if (!term) throw notFound("Tag not found");
  return term;
}

function clash(kind: TaxonomyKind, name: string) {
  const message = `“${name}” is already in ${taxonomyKindLabels[kind].many}`;
  return new AppError("conflict", message, { fieldErrors: { name: [message] } });
}

/** Names are unique per kind, ignoring case, so "emea" cannot sit next to "EMEA". */
export async function assertNameFree(
  tx: Database,
  term: { workspaceId: string; kind: TaxonomyKind; name: string; exceptId?: string },
): Promise<void> {
  const [existing] = await tx
    .select({ name: taxonomyTerms.name })
    .from(taxonomyTerms)
    .where(
      and(
        eq(taxonomyTerms.workspaceId, term.workspaceId),
        eq(taxonomyTerms.kind, term.kind),
        sql`lower(${taxonomyTerms.name}) = lower(${term.name})`,
        term.exceptId ? ne(taxonomyTerms.id, term.exceptId) : undefined,
      ),
    )
    .limit(1);
  if (existing) throw clash(term.kind, existing.name);
}

/**
 * Runs a write that may hit the per-kind unique name index (two people adding the same name at once) and
 * turns that into the same conflict the pre-check gives.
 */
export async function withNameClashAsConflict<T>(
  kind: TaxonomyKind,
  name: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (hasPgErrorCode(error, PG_UNIQUE_VIOLATION)) throw clash(kind, name);
    throw error;
  }
}
