import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** A table is re-analyzed once it has grown by this factor since its statistics were taken. */
const GROWTH = 1.2;
/** Tables smaller than this many pages are left alone: any plan reads them quickly. */
const MIN_PAGES = 8;
/** One instance refreshes at a time; the others skip the round. */
const LOCK_KEY = 1932;

/**
 * ANALYZE for the tables of Baton's schema that were never analyzed or have grown by GROWTH since: what
 * autovacuum would do, for the embedded database (PGlite runs no autovacuum) and for servers run without it.
 * The planner needs those statistics twice over: search routes each query by its words' frequencies
 * (pg_stats) and, as long as a table's statistics stay unchanged, the statements of the search triggers keep
 * the plan they were first given (PL/pgSQL caches it): planned against an almost empty library, the version
 * trigger's join read the whole of assets on every insert. Growth is read from the table's size on disk, which
 * PGlite keeps current, rather than from the statistics collector's modification counts, which it does not.
 * Returns the tables analyzed.
 */
export async function refreshStaleStatistics(db: Database): Promise<string[]> {
  return db.transaction(async (tx) => {
    const { rows: lock } = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`,
    );
    if (!lock[0]?.locked) return [];
    const { rows } = await tx.execute<{ name: string }>(sql`select c.relname::text as name from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
        and pg_relation_size(c.oid) >= ${MIN_PAGES}::int * current_setting('block_size')::bigint
        and (c.reltuples < 0
          or pg_relation_size(c.oid) > ${GROWTH}::float8 * c.relpages * current_setting('block_size')::bigint)
      order by c.relname`);
    for (const { name } of rows) await tx.execute(sql`analyze ${sql.identifier(name)}`);
    return rows.map((r) => r.name);
  });
}
