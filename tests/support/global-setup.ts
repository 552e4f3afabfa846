import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../db/client";
import type { TestProject } from "vitest/node";

/**
 * Migrates one template database per run, so each test file starts from a copy in well under a second:
 * a PostgreSQL template database when TEST_DATABASE_URL is set, a dumped PGlite data folder otherwise.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `baton_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const handle = await openDatabase({ driver: "postgres", url: url.toString(), max: 1 });
    await handle.migrate();
    await handle.close();
    project.provide("dbTarget", { driver: "postgres", serverUrl, template });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`baton_t_${process.pid}_%`],
      );
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ driver: "pglite" });
  await handle.migrate();
  const dump = await handle.dumpDataDir!();
  await handle.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-tpl-")), "template.tar.gz");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTarget", { driver: "pglite", templateFile: file });
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    dbTarget:
      | { driver: "postgres"; serverUrl: string; template: string }
      | { driver: "pglite"; templateFile: string };
  }
}
