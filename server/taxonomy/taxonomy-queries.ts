import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetTerms, dealTerms, taxonomyTerms } from "@/db/schema";
import { taxonomyKinds, type TaxonomyKind } from "@/lib/taxonomy";
import type { Actor } from "@/server/authz/actor";

export interface TermOption {
  id: string;
  kind: TaxonomyKind;
  name: string;
}

export interface TermWithUsage extends TermOption {
  position: number;
  assetCount: number;
  dealCount: number;
}

const termOrder = [asc(taxonomyTerms.kind), asc(taxonomyTerms.position), asc(taxonomyTerms.name)];

/** Every term of the workspace in list order, with how many assets and deals carry it, grouped by kind. */
export async function listTermsWithUsage(
  db: Database,
  actor: Actor,
): Promise<Record<TaxonomyKind, TermWithUsage[]>> {
  const rows = await db
    .select({
      id: taxonomyTerms.id,
      kind: taxonomyTerms.kind,
      name: taxonomyTerms.name,
      position: taxonomyTerms.position,
      assetCount: sql<number>`(select count(*) from ${assetTerms} where ${assetTerms.termId} = ${taxonomyTerms.id})::int`,
      dealCount: sql<number>`(select count(*) from ${dealTerms} where ${dealTerms.termId} = ${taxonomyTerms.id})::int`,
    })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.workspaceId, actor.workspaceId))
    .orderBy(...termOrder);
  const byKind = Object.fromEntries(taxonomyKinds.map((k) => [k, [] as TermWithUsage[]])) as Record<
    TaxonomyKind,
    TermWithUsage[]
  >;
  for (const row of rows) byKind[row.kind].push(row);
  return byKind;
}

/** The workspace's terms for pickers, by kind and list order. */
export function listTermOptions(db: Database, workspaceId: string): Promise<TermOption[]> {
  return db
    .select({ id: taxonomyTerms.id, kind: taxonomyTerms.kind, name: taxonomyTerms.name })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.workspaceId, workspaceId))
    .orderBy(...termOrder);
}

/** The tags of each of the given assets (which the caller has already filtered by visibility). */
export async function termNamesByAsset(
  db: Database,
  workspaceId: string,
  assetIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (assetIds.length === 0) return map;
  const links = await db
    .select({ assetId: assetTerms.assetId, name: taxonomyTerms.name })
    .from(assetTerms)
    .innerJoin(taxonomyTerms, eq(taxonomyTerms.id, assetTerms.termId))
    .where(and(eq(taxonomyTerms.workspaceId, workspaceId), inArray(assetTerms.assetId, assetIds)))
    .orderBy(...termOrder);
  for (const l of links) map.set(l.assetId, [...(map.get(l.assetId) ?? []), l.name]);
  return map;
}
