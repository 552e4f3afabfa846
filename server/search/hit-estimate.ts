import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { LRUCache } from "lru-cache";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";

const dialect = new PgDialect();

/**
 * What the planner's row estimates for `assets` are made of, read in a search's opening statement: the
 * table's sampled size (reltuples/relpages, set by VACUUM and ANALYZE), its size now (the planner scales the
 * sampled density to it) and when it was last analyzed (the column statistics: word, facet and status
 * frequencies). Two searches that read the same version get the same estimate for the same statement.
 */
export const statisticsVersion = sql<string>`(select concat_ws('/', c.reltuples, c.relpages,
    pg_relation_size(c.oid), pg_stat_get_last_analyze_time(c.oid), pg_stat_get_last_autoanalyze_time(c.oid))
  from pg_class c where c.oid = 'assets'::regclass)`;

/**
 * Estimates already planned, by statistics version and statement (text and parameters: the words, the
 * workspace, the actor's visibility). A search and its next pages, a popular search, and the words a rep
 * types one letter at a time repeat the same estimates; each one planned costs a round trip and the planning
 * of the words' conditions. An entry lives 10 minutes at most, so what the statistics do not capture (a
 * visibility condition on now()) drifts no further than that. Each server instance keeps its own.
 */
const estimates = new LRUCache<string, number>({ max: 20_000, ttl: 10 * 60_000 });

/** A search's statistics version, and how many of its estimates were cached or planned. */
export interface EstimateLog {
  statistics: string;
  cached: number;
  planned: number;
}
const logs = new WeakMap<Database, EstimateLog>();

/** Lets estimatedHits in `tx` reuse estimates made under `statistics` (statisticsVersion), and counts them. */
export function logEstimates(tx: Database, statistics: string): EstimateLog {
  const log = { statistics, cached: 0, planned: 0 };
  logs.set(tx, log);
  return log;
}

/**
 * How many rows meeting every condition the planner expects (its row estimate for them, from the table's
 * statistics: the lexemes' and facet keys' frequencies, the workspace's and statuses' shares), without
 * finding any. Planning the statement costs a fraction of a millisecond; finding the hits of a word most
 * documents contain costs tens (its GIN bitmap is built in full before the first row is read), so findHits
 * asks first when a search might match that many. Inside a search (logEstimates) an estimate
 * made under the same statistics is reused.
 */
export async function estimatedHits(tx: Database, conditions: SQL[]): Promise<number> {
  const statement = sql`explain select 1 from ${assets} where ${and(...conditions) ?? sql`true`}`;
  const log = logs.get(tx);
  const key = log ? estimateKey(log.statistics, statement) : undefined;
  const known = key === undefined ? undefined : estimates.get(key);
  if (log && known !== undefined) {
    log.cached++;
    return known;
  }
  const { rows } = await tx.execute<{ "QUERY PLAN": string }>(statement);
  const first = rows[0]?.["QUERY PLAN"] ?? "";
  const estimate = Number(/rows=(\d+)/.exec(first)?.[1] ?? 0);
  if (log && key !== undefined) {
    log.planned++;
    estimates.set(key, estimate);
  }
  return estimate;
}

function estimateKey(statistics: string, statement: SQL): string {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return `${statistics}\u0000${text}\u0000${JSON.stringify(params)}`;
}
