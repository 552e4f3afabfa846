import { sql, type Logger, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "./client";
import * as schema from "./schema";

/** Run-time parameters (planner settings and the like) by name. */
export type Settings = Record<string, string>;

/** A database's connections that keep settings for their lifetime: how to open them, and those open. */
interface SessionPools {
  url: string;
  max: number;
  logger: Logger | undefined;
  pools: Map<string, pg.Pool>;
  /** One drizzle instance per connection, made when the connection is first used. */
  connections: WeakMap<pg.PoolClient, Database>;
}
const sessionPools = new WeakMap<Database, SessionPools>();

/**
 * The settings a connection (or transaction) holds now, whether they are set for a transaction only, and
 * whether a failed run may have left others in force.
 */
type SettingsState = { values: Settings; local: boolean; unknown?: boolean };
const current = new WeakMap<Database, SettingsState>();

/**
 * Lets withSettings on `db` (a PostgreSQL handle's) run on connections opened with their settings. Called by
 * openDatabase; the pools are ended by closeSettingsSessions.
 */
export function registerSettingsSessions(
  db: Database,
  options: { url: string; max: number; logger?: Logger },
): void {
  sessionPools.set(db, {
    url: options.url,
    max: options.max,
    logger: options.logger,
    pools: new Map(),
    connections: new WeakMap(),
  });
}

export async function closeSettingsSessions(db: Database): Promise<void> {
  const entry = sessionPools.get(db);
  if (!entry) return;
  const pools = [...entry.pools.values()];
  entry.pools.clear();
  await Promise.all(pools.map((pool) => pool.end()));
}

/** PostgreSQL's startup `options`: each setting as `-c name=value` (values here are plain words and numbers). */
function startupOptions(settings: Settings): string {
  return Object.entries(settings)
    .map(([name, value]) => {
      if (!/^[a-z_.]+$/.test(name) || !/^[\w.-]+$/.test(value))
        throw new Error(`Unsupported session setting ${name}=${value}`);
      return `-c ${name}=${value}`;
    })
    .join(" ");
}

/**
 * Runs `run` with `settings` in force for every statement it sends through the database it is given. On
 * PostgreSQL that is one connection of a pool whose connections were opened with the settings (the startup
 * packet carries them): no transaction is opened and no statement is spent on them, where BEGIN, setting
 * them and COMMIT cost three round trips, each about half a millisecond of the app's CPU and a little of the
 * server's, on every search. Statements then run one by one (autocommit): each still sees its own snapshot,
 * as it did in a READ COMMITTED transaction. On PGlite (one connection the whole app shares), and on a
 * database opened some other way, `run` gets a transaction, and the settings hold for it only.
 *
 * `run` must select `restore` (an expression) in its first statement: it puts back what an earlier run on the
 * same connection changed (changeSettings), or sets the transaction's settings, with no statement of its own
 * (it is `null` when nothing needs setting). After a run that failed, the next run on that connection sets
 * them in a statement of their own first, since what the failed run left in force is not known.
 */
export async function withSettings<T>(
  db: Database,
  settings: Settings,
  run: (db: Database, restore: SQL) => Promise<T>,
): Promise<T> {
  const entry = sessionPools.get(db);
  if (!entry) {
    return db.transaction(async (tx) => {
      const state = { values: {}, local: true };
      current.set(tx, state);
      return run(tx, restoring(state, settings));
    });
  }
  const key = JSON.stringify(settings);
  let pool = entry.pools.get(key);
  if (!pool) {
    pool = new pg.Pool({ connectionString: entry.url, max: entry.max, options: startupOptions(settings) });
    pool.on("error", (error) => console.error("PostgreSQL connection lost:", error.message));
    entry.pools.set(key, pool);
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  let session = entry.connections.get(client);
  try {
    if (!session) {
      session = drizzle(client, { schema, logger: entry.logger }) as unknown as Database;
      entry.connections.set(client, session);
      current.set(session, { values: { ...settings }, local: false });
    }
    const state = current.get(session)!;
    if (state.unknown) {
      state.unknown = false;
      state.values = {};
      await changeSettings(session, settings);
    }
    return await run(session, restoring(state, settings));
  } catch (error) {
    if (session) current.get(session)!.unknown = true;
    // A connection whose query failed short of an error from the server (drizzle wraps it as the cause) is
    // not handed out again.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    if (error instanceof Error && !(cause instanceof Error && "severity" in cause)) broken = error;
    throw error;
  } finally {
    client.release(broken);
  }
}

/** set_config calls for `settings` that differ from `state`, as one expression (null for none); `state` takes them. */
function restoring(state: SettingsState, settings: Settings): SQL {
  const calls = setConfigCalls(state, settings);
  state.values = { ...state.values, ...settings };
  return calls.length ? sql`array[${sql.join(calls, sql`, `)}]` : sql`null`;
}

function setConfigCalls(state: SettingsState, settings: Settings): SQL[] {
  return Object.entries(settings)
    .filter(([name, value]) => state.values[name] !== value)
    .map(([name, value]) => sql`set_config(${name}, ${value}, ${state.local})`);
}

/**
 * Sets `changes` for the rest of a withSettings run (for the transaction, or for the connection's session),
 * in one statement, and only those that differ from what is in force: no statement when nothing changes.
 */
export async function changeSettings(db: Database, changes: Settings): Promise<void> {
  const state = current.get(db) ?? { values: {}, local: true };
  const calls = setConfigCalls(state, changes);
  if (calls.length === 0) return;
  await db.execute(sql`select ${sql.join(calls, sql`, `)}`);
  state.values = { ...state.values, ...changes };
  current.set(db, state);
}
