import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";

/**
 * How many rows meeting every condition the planner expects (its row estimate for them, from the table's
 * statistics: the lexemes' and facet keys' frequencies, the workspace's and statuses' shares), without
 * finding any. Planning the statement costs a fraction of a millisecond; finding the hits of a word most
 * documents contain costs tens (its GIN bitmap is built in full before the first row is read), so findHits
 * asks first when a search might match that many.
 */
export async function estimatedHits(tx: Database, conditions: SQL[]): Promise<number> {
  const { rows } = await tx.execute<{ "QUERY PLAN": string }>(
    sql`explain select 1 from ${assets} where ${and(...conditions) ?? sql`true`}`,
  );
  const first = rows[0]?.["QUERY PLAN"] ?? "";
  return Number(/rows=(\d+)/.exec(first)?.[1] ?? 0);
}
