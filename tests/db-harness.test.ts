import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { createTestDatabase, testDriver } from "./support/test-db";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("database layer", () => {
  it("runs the committed migrations, including the pg_trgm extension", async () => {
    const { rows } = await handle.db.execute<{ similarity: number }>(
      sql`select similarity('battlecard', 'battlecrad') as similarity`,
    );
    expect(rows[0]!.similarity).toBeGreaterThan(0.3);
    expect(handle.driver).toBe(testDriver());
  });

  it("creates a workspace with ordered default stages and tiers", async () => {
    const { stages, tiers } = await createWorkspace(handle.db, { name: "Acme", slug: "acme-harness" });
    expect(stages.map((s) => s.name)).toEqual([
      "Awareness",
      "Discovery",
      "Evaluation",
      "Proposal",
      "Negotiation",
      "Closing",
    ]);
    expect(tiers.map((t) => t.rank)).toEqual([1, 2, 3, 4]);
  });
});
