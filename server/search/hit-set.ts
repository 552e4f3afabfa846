import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { changeSettings, type Settings } from "@/db/settings-session";
import { assets } from "@/db/schema";
import { estimatedHits } from "./hit-estimate";
import { uuidArray } from "./search-filters";

/**
 * A search counts, ranks and facets its hits exactly up to this many. Above it the total reads "1,000+",
 * facet counts are left out (a facet narrows the search until they return), and relevance orders the hits
 * by tier (title, tags or description, body) and then freshest first, which index walks can serve: sorting
 * or counting tens of thousands of hits on every keystroke is what made search slow in a large library.
 */
export const EXACT_LIMIT = 1000;

/**
 * The plan shape of the next statements of a search. "bitmap": rows are found through index
 * bitmaps (GIN for words and facets), never by walking an index and testing each row, because testing a
 * row against the words decompresses its whole document. "walk": rows come in the order of an index
 * (freshest first), tested one by one until the page is full; for conditions most rows meet.
 */
export async function setPlanShape(tx: Database, planner: "bitmap" | "walk") {
  // Searches start in "bitmap" (inSearchTransaction); changeSettings spends a statement only on a change.
  await changeSettings(tx, planShape(planner));
}

/** The planner settings of a plan shape (setPlanShape). */
export function planShape(planner: "bitmap" | "walk"): Settings {
  const walk = planner === "walk" ? "on" : "off";
  const bitmap = planner === "walk" ? "off" : "on";
  return { enable_indexscan: walk, enable_bitmapscan: bitmap, enable_sort: bitmap };
}

/**
 * How many times EXACT_LIMIT the planner must expect before findHits answers "more than EXACT_LIMIT" without
 * counting. Its estimates of word and facet frequencies come from the table's statistics and are good to
 * a small factor for single words; combined conditions are estimated as independent, and a margin this wide
 * keeps a search whose conditions rarely meet from being called broad (it is counted, as before).
 */
export const BROAD_ESTIMATE = 4;

/** Every hit when there are at most EXACT_LIMIT (`exact`), or only the fact that there are more. */
export interface HitSet {
  exact: boolean;
  ids: string[];
  /** The planner's estimate of the hits, when findHits asked for it. */
  estimate?: number;
}

/**
 * Finds at most `limit` + 1 assets meeting every condition, through bitmaps. `indexed` (words, facets, a
 * tier) is applied inside a fence (`offset 0`) so only its GIN indexes can serve it, and `rest`
 * (visibility, a keyset) outside: otherwise the planner may prefer the workspace/status index and test the
 * words row by row, decompressing each document. The hits come back as one row (a count, and the ids as one
 * array only when they are all wanted): a broad search no longer sends and parses 1,001 rows it drops.
 * `among`: a condition with an index of its own (the words as typed): which of the hits meet it comes back
 * too, in the same statement, when every hit is known (hitsMeeting).
 */
export async function findHits(
  tx: Database,
  { indexed, rest, among }: { indexed: SQL[]; rest: SQL[]; among?: SQL },
  limit = EXACT_LIMIT,
): Promise<HitSet & { among?: string[] }> {
  // Words or filters most of the library meets: "more than limit" without building their bitmaps.
  const estimate = indexed.length ? await estimatedHits(tx, [...indexed, ...rest]) : undefined;
  if (estimate !== undefined && estimate >= BROAD_ESTIMATE * limit)
    return { exact: false, ids: [], estimate };
  await setPlanShape(tx, "bitmap");
  const source = indexed.length
    ? sql`(select * from ${assets} where ${and(...indexed)} offset 0) as ${assets}`
    : sql`${assets}`;
  // Evaluated only when the hits are all known and there are some (a subplan under the case).
  const amongHits = among
    ? sql`, case when count(*) between 1 and ${limit} then ${hitsMeeting(among, sql`array_agg(h.id)`)} end as among`
    : sql``;
  const { rows } = await tx.execute<{ n: number; ids: string | null; among?: string | null }>(
    sql`select count(*)::int as n, case when count(*) <= ${limit} then array_agg(h.id)::text end as ids${amongHits}
      from (select ${assets.id} as id from ${source} where ${and(...rest) ?? sql`true`} limit ${limit + 1}) h`,
  );
  const { n, ids } = rows[0]!;
  if (n > limit) return { exact: false, ids: [], ...(estimate !== undefined ? { estimate } : {}) };
  return {
    exact: true,
    ids: parseUuidArray(ids),
    ...(among ? { among: parseUuidArray(rows[0]!.among ?? null) } : {}),
  };
}

/**
 * Which of `hitIds` (a uuid[] expression) meet `condition`, as uuid[] text: looked up through the condition's
 * own index (fenced, so no hit's row is read for it) and joined with the hits by hash (`= any` would compare
 * each row found with every hit).
 */
export const hitsMeeting = (condition: SQL, hitIds: SQL) => sql`(select array_agg(x.id)::text
  from (select ${assets.id} as id from ${assets} where ${condition} offset 0) x
  join unnest(${hitIds}) u(id) on u.id = x.id)`;

/** A uuid[] as PostgreSQL writes it ("{a,b}", or null for no rows): uuids need no quoting or escapes. */
export const parseUuidArray = (text: string | null): string[] =>
  text && text.length > 2 ? text.slice(1, -1).split(",") : [];

/** The condition "one of these hits", served by the primary key. */
export const amongIds = (ids: readonly string[]) => sql`${assets.id} = any(${uuidArray(ids)})`;
