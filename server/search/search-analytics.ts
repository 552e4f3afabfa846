import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { activityEvents, assets } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { RecordedFilters } from "@/lib/schemas/search";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";

export interface SearchEvent {
  query: string;
  filters: RecordedFilters;
  resultCount: number;
}

/** The insert of a search event, returning its id (the searchId of clicks). */
function searchEventInsert(db: Database, actor: Actor, input: SearchEvent) {
  return db
    .insert(activityEvents)
    .values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      kind: "search",
      query: input.query,
      filters: input.filters,
      resultCount: input.resultCount,
    })
    .returning({ id: activityEvents.id });
}

/** The same insert as SQL, for a statement that writes the event along with reading something else. */
export const searchEventSql = (db: Database, actor: Actor, input: SearchEvent) =>
  searchEventInsert(db, actor, input).getSQL();

/** Writes a search event in the caller's transaction; returns its id. */
export async function insertSearchEvent(tx: Database, actor: Actor, input: SearchEvent): Promise<number> {
  const [row] = await searchEventInsert(tx, actor, input);
  return row!.id;
}

/**
 * Records a search on its own (searchAssets records inside its transaction when asked). Every search
 * writes an event, so its commit does not wait for the disk flush: a crash may lose the last few search
 * events, never corrupt anything, and a search costs no fsync.
 */
export async function recordSearch(db: Database, actor: Actor, input: SearchEvent): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
    return insertSearchEvent(tx, actor, input);
  });
}

/**
 * Stores which result of one of the actor's own searches was opened. The click repeats the search's
 * words, and its `filters` holds `{ searchId }`, the link back to the search event. Someone else's search,
 * or an asset the actor may not see, is a 404.
 */
export async function recordSearchClick(
  db: Database,
  actor: Actor,
  input: { searchId: number; assetId: string },
): Promise<number> {
  const [search] = await db
    .select({ id: activityEvents.id, query: activityEvents.query })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.id, input.searchId),
        eq(activityEvents.kind, "search"),
        eq(activityEvents.workspaceId, actor.workspaceId),
        eq(activityEvents.actorId, actor.userId),
      ),
    );
  if (!search) throw notFound("Search not found");
  const [asset] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.id, input.assetId), assetVisibility(actor)));
  if (!asset) throw notFound("Asset not found");
  // Opening the same result again (a reload, the back button) is still one click.
  const [already] = await db
    .select({ id: activityEvents.id })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.kind, "search_click"),
        eq(activityEvents.actorId, actor.userId),
        eq(activityEvents.assetId, asset.id),
        sql`${activityEvents.filters} ->> 'searchId' = ${String(search.id)}`,
      ),
    );
  if (already) return already.id;
  const [row] = await db
    .insert(activityEvents)
    .values({
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      kind: "search_click",
      assetId: asset.id,
      query: search.query,
      filters: { searchId: search.id },
    })
    .returning({ id: activityEvents.id });
  return row!.id;
}
