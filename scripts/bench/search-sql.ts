/**
 * The raw-SQL side of `npm run bench:search`: runs GET /api/v1/assets's own handler in this process on a
 * drizzle instance that logs every statement (text and parameters), then replays each request's statements
 * in order, in one transaction that is rolled back, as EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON), and sums
 * PostgreSQL's planning and execution time. That sum is the time the database itself spends on the request:
 * no network round trips, no result transfer, no pool waits, no JavaScript.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database, DatabaseHandle } from "../../db/client";
import * as schema from "../../db/schema";
import { closeSettingsSessions, registerSettingsSessions, type Settings } from "../../db/settings-session";

export interface Statement {
  text: string;
  params: unknown[];
}

export interface RequestSql {
  /** Planning + execution time of every statement the request ran, in ms. */
  ms: number;
  statements: { text: string; planningMs: number; executionMs: number }[];
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

/** A database handle whose drizzle instance records every statement it sends into `log`. */
export function loggingHandle(url: string, log: Statement[]): DatabaseHandle & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const logger = { logQuery: (text: string, params: unknown[]) => log.push({ text, params }) };
  const db = drizzle(pool, { schema, logger }) as unknown as Database;
  // Searches run on connections opened with their settings, as the app's own handle runs them.
  registerSettingsSessions(db, { url, max: 4, logger });
  return {
    db,
    pool,
    driver: "postgres",
    migrate: () => Promise.reject(new Error("not for migrating")),
    close: async () => {
      await closeSettingsSessions(db);
      await pool.end();
    },
    queueConnection: { backend: "postgres", url },
  };
}

/** Calls the route handler with the bench token and returns the statements it ran (transaction control dropped). */
export async function captureStatements(
  handler: Handler,
  log: Statement[],
  url: string,
  token: string,
): Promise<Statement[]> {
  log.length = 0;
  const response = await handler(new Request(url, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });
  if (!response.ok)
    throw new Error(`In-process GET ${url} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  return log.filter((s) => !TRANSACTION_CONTROL.test(s.text)).map((s) => ({ ...s }));
}

interface ExplainOutput {
  "Planning Time": number;
  "Execution Time": number;
}

/**
 * Replays one request's statements as EXPLAIN ANALYZE inside a transaction that is rolled back, with the
 * settings the search's connection was opened with (`settings`, which no statement of it sets).
 */
export async function explainRequest(
  client: pg.Client,
  statements: Statement[],
  settings: Settings,
): Promise<RequestSql> {
  const out: RequestSql = { ms: 0, statements: [] };
  await client.query("begin");
  for (const [name, value] of Object.entries(settings))
    await client.query("select set_config($1, $2, true)", [name, value]);
  try {
    for (const s of statements) {
      // A statement that is itself an EXPLAIN (the search's estimate of its hits) is only planned: timed as sent.
      if (/^\s*explain\b/i.test(s.text)) {
        const started = performance.now();
        await client.query({ text: s.text, values: s.params });
        const ms = performance.now() - started;
        out.statements.push({ text: s.text, planningMs: ms, executionMs: 0 });
        out.ms += ms;
        continue;
      }
      const { rows } = await client.query<{ "QUERY PLAN": ExplainOutput[] }>({
        text: `explain (analyze, timing off, format json) ${s.text}`,
        values: s.params,
      });
      const plan = rows[0]!["QUERY PLAN"][0]!;
      out.statements.push({
        text: s.text,
        planningMs: plan["Planning Time"],
        executionMs: plan["Execution Time"],
      });
      out.ms += plan["Planning Time"] + plan["Execution Time"];
    }
  } finally {
    await client.query("rollback");
  }
  return out;
}
