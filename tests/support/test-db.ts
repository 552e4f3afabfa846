import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database cloned from the run's template,
 * or an in-memory PGlite loaded from the run's migrated data folder. `logQuery` sees every statement sent.
 */
export async function createTestDatabase({
  logQuery,
}: { logQuery?: (text: string) => void } = {}): Promise<DatabaseHandle> {
  const target = inject("dbTarget");
  if (target.driver === "pglite") {
    const blob = new Blob([fs.readFileSync(target.templateFile)]);
    return openDatabase({ driver: "pglite", loadDataDir: blob, logQuery });
  }
  const name = `baton_t_${process.ppid}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: target.serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${target.template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ driver: "postgres", url: url.toString(), max: 4, logQuery });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: target.serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function testDriver(): "pglite" | "postgres" {
  return inject("dbTarget").driver;
}
