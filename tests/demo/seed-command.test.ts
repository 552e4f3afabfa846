import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { sql } from "drizzle-orm";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-seed-cmd-"));
const run = () =>
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    encoding: "utf8",
  });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("npm run db:seed on the embedded database", () => {
  it("seeds an empty database once, and a second run changes nothing", async () => {
    const first = run();
    expect(first).toMatch(/Seeded the demo workspace .*400 deals/);
    expect(first).toContain("rick.rep@northwind.test");
    const second = run();
    expect(second).toContain("Database already has a workspace; not seeding.");

    const handle = await openDatabase({ driver: "pglite", dataDir: path.join(dataDir, "pglite") });
    try {
      const { rows } = await handle.db.execute<{ workspaces: number; deals: number; assets: number }>(
        sql`select (select count(*)::int from workspaces) as workspaces, (select count(*)::int from deals) as deals,
                   (select count(*)::int from assets) as assets`,
      );
      expect(rows[0]).toEqual({ workspaces: 1, deals: 400, assets: 145 });
    } finally {
      await handle.close();
    }
    const stored = fs
      .readdirSync(path.join(dataDir, "files"), { recursive: true })
      .filter((f) => !String(f).endsWith("/"));
    expect(stored.length).toBeGreaterThan(145);
  }, 240_000);
});
