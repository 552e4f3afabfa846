import { PGlite } from "@electric-sql/pglite";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { dataDir, env } from "../env";
import * as schema from "./schema";
import { closeSettingsSessions, registerSettingsSessions } from "./settings-session";

export type Schema = typeof schema;

/** Query-result type shared by both drivers, so `execute()` returns typed rows. */
export interface RowsResultHKT extends PgQueryResultHKT {
  type: QueryRows<this["row"]>;
}
export interface QueryRows<T> {
  rows: T[];
}

export type Database = PgDatabase<RowsResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** What the job queue (pg-boss) connects through: the same embedded instance, or the same server. */
  queueConnection: { backend: "pglite"; client: PGlite } | { backend: "postgres"; url: string };
  /** PGlite only: the data folder as a tarball, to clone a migrated database quickly. */
  dumpDataDir?: () => Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
// Every Baton instance that starts against the same server takes this lock before migrating.
const MIGRATION_LOCK_ID = 73_420_261;

/** Called with the text of every statement the handle's drizzle instance sends (tests count statements). */
type QueryLog = { logQuery?: (text: string) => void };

export type DatabaseOptions = QueryLog &
  (
    | { driver: "postgres"; url: string; max?: number }
    | { driver: "pglite"; dataDir?: string; loadDataDir?: Blob }
  );

const loggerOf = ({ logQuery }: QueryLog) =>
  logQuery ? { logQuery: (text: string) => logQuery(text) } : undefined;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
    // An idle connection the server closes (restart, failover, an admin's terminate) must not crash the
    // process: the pool drops it and the next query opens a fresh one.
    pool.on("error", (error) => console.error("PostgreSQL connection lost:", error.message));
    const logger = loggerOf(options);
    const db = drizzlePg(pool, { schema, logger }) as unknown as Database;
    // withSettings (searches) runs on connections opened with their settings, from pools of their own.
    registerSettingsSessions(db, { url: options.url, max: options.max ?? 10, logger });
    return {
      db,
      driver: "postgres",
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
          client.release();
        }
      },
      close: async () => {
        await closeSettingsSessions(db);
        await pool.end();
      },
      queueConnection: { backend: "postgres", url: options.url },
    };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, fuzzystrmatch },
  });
  const db = drizzlePglite(client, { schema, logger: loggerOf(options) }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: () => client.close(),
    queueConnection: { backend: "pglite", client },
    dumpDataDir: async () => (await client.dumpDataDir("gzip")) as Blob,
  };
}

export function defaultDatabaseOptions(): DatabaseOptions {
  return env.DATABASE_URL
    ? { driver: "postgres", url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX }
    : { driver: "pglite", dataDir: path.join(dataDir, "pglite") };
}

type Cached = { handle?: Promise<DatabaseHandle> };
const cache = globalThis as unknown as { __batonDb?: Cached };

/**
 * The process-wide database, migrated before first use. Cached on globalThis so a hot reload in
 * development does not open a second PGlite instance on the same folder.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  cache.__batonDb ??= {};
  cache.__batonDb.handle ??= (async () => {
    const handle = await openDatabase(defaultDatabaseOptions());
    await handle.migrate();
    return handle;
  })();
  return cache.__batonDb.handle;
}

/** Makes `handle` the process-wide database (tests point the app's code at their own database). */
export function setDatabaseHandle(handle: DatabaseHandle): void {
  cache.__batonDb = { handle: Promise.resolve(handle) };
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
