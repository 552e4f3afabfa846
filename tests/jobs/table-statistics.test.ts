import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { taxonomyTerms } from "@/db/schema";
import { refreshStaleStatistics } from "@/server/jobs/table-statistics";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

/*
 * The statistics upkeep analyzes a table that was never analyzed or has grown since, once, and leaves small
 * and unchanged tables alone: on PGlite (no autovacuum) as on PostgreSQL.
 */
let handle: DatabaseHandle;
let ws: TestWorkspace;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const addTerms = (from: number, to: number) =>
  handle.db.insert(taxonomyTerms).values(
    Array.from({ length: to - from }, (_, i) => ({
      workspaceId: ws.workspace.id,
      kind: "industry" as const,
      name: `Statistics industry number ${from + i} with a long enough name`,
      position: from + i,
    })),
  );

const reltuples = async () =>
  Number(
    (
      await handle.db.execute<{ n: number }>(
        sql`select reltuples::float8 as n from pg_class where relname = 'taxonomy_terms'`,
      )
    ).rows[0]!.n,
  );

describe("refreshStaleStatistics", () => {
  it("analyzes a table once it is large enough and again once it has grown, and nothing in between", async () => {
    await refreshStaleStatistics(handle.db);
    await addTerms(0, 2000);
    expect(await refreshStaleStatistics(handle.db)).toContain("taxonomy_terms");
    expect(await reltuples()).toBeGreaterThanOrEqual(2000);
    // Unchanged since: nothing to do.
    expect(await refreshStaleStatistics(handle.db)).not.toContain("taxonomy_terms");
    await addTerms(2000, 2200);
    expect(await refreshStaleStatistics(handle.db)).not.toContain("taxonomy_terms");
    // Doubled: analyzed again, and the planner's count follows.
    await addTerms(2200, 4000);
    expect(await refreshStaleStatistics(handle.db)).toContain("taxonomy_terms");
    expect(await reltuples()).toBeGreaterThanOrEqual(4000);
  });
});
