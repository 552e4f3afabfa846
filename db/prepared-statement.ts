import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database } from "./client";

const dialect = new PgDialect();

/**
 * Runs a statement whose text never changes (everything that varies is a parameter) as a named prepared
 * statement on PostgreSQL: each connection parses and plans it once instead of on every call. For a large
 * statement run many times a second with few rows (the beacon batch: about 3 ms of planning, more than
 * its execution) that is most of PostgreSQL's work. PGlite, in-process, runs it as a plain statement.
 */
export async function executePrepared<T>(db: Database, name: string, query: SQL): Promise<T[]> {
  const client = (db as Database & { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return (await db.execute<T & Record<string, unknown>>(query)).rows;
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.query<T & pg.QueryResultRow>({ name, text, values: params })).rows;
}
