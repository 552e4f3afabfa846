import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { activityEvents } from "@/db/schema";
import {
  assetSearchQuerySchema,
  recordedFilters,
  searchFilterFields,
  searchParamsSchema,
} from "@/lib/schemas/search";
import { createTestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

const [a, b] = [randomUUID(), randomUUID()];

describe("one search-params declaration, one recorded shape", () => {
  it("the URL form and the call form take the same filters", () => {
    const url = assetSearchQuerySchema.shape;
    const call = searchParamsSchema.shape;
    expect(Object.keys(url).sort()).toEqual(Object.keys(call).sort());
    for (const field of searchFilterFields) {
      expect(url[field], field).toBeDefined();
      expect(call[field], field).toBeDefined();
    }
  });

  it("records the same filters whichever door a search came through", () => {
    const fromUrl = assetSearchQuerySchema.parse({
      q: "pricing",
      stageIds: ` ${a},${b},${a} `,
      types: "deck",
      freshness: "90d",
      sort: "newest",
      cursor: "abc",
      limit: "5",
    });
    const fromCall = searchParamsSchema.parse({
      q: "pricing",
      stageIds: [a, b],
      types: ["deck"],
      freshness: "90d",
      sort: "newest",
      cursor: "abc",
      limit: 5,
    });
    const expected = { stageIds: [a, b], types: ["deck"], freshness: "90d" };
    expect(recordedFilters(fromUrl)).toEqual(expected);
    expect(recordedFilters(fromCall)).toEqual(expected);
    // Nothing chosen records nothing: no empty lists, no sort.
    expect(recordedFilters(searchParamsSchema.parse({ sort: "most_used" }))).toEqual({});
  });

  it("refuses a bad value in either form with the field named", () => {
    const url = assetSearchQuerySchema.safeParse({ stageIds: `${a},not-a-uuid` });
    expect(url.success).toBe(false);
    expect(url.error!.issues[0]!.path[0]).toBe("stageIds");
    const call = searchParamsSchema.safeParse({ types: ["brochure"] });
    expect(call.success).toBe(false);
    expect(call.error!.issues[0]!.path[0]).toBe("types");
  });
});

describe("the migration to the one recorded shape", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("rewrites the page's comma strings and the API's sort into the recorded shape, and only search events", async () => {
    const ws = await createTestWorkspace(handle.db);
    const rep = ws.people.rep.id;
    const old = [
      { kind: "search" as const, filters: { stageIds: `${a}, ${b},${a},`, freshness: "30d", junk: "x" } },
      { kind: "search" as const, filters: { stageIds: [b], types: [], sort: "relevance" } },
      { kind: "search" as const, filters: { industryIds: "" } },
      { kind: "search" as const, filters: {} },
      { kind: "search_click" as const, filters: { searchId: 5 } },
    ];
    const rows = await handle.db
      .insert(activityEvents)
      .values(old.map((o) => ({ workspaceId: ws.workspace.id, actorId: rep, query: "q", ...o })))
      .returning({ id: activityEvents.id });
    const migration = fs.readFileSync("db/migrations/0031_search_filters_shape.sql", "utf8");
    await handle.db.execute(sql.raw(migration));
    // Run twice: the second run changes nothing.
    await handle.db.execute(sql.raw(migration));
    const after = await handle.db
      .select({ id: activityEvents.id, filters: activityEvents.filters })
      .from(activityEvents)
      .where(
        inArray(
          activityEvents.id,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(activityEvents.id);
    expect(after.map((r) => r.filters)).toEqual([
      { stageIds: [a, b].sort(), freshness: "30d" },
      { stageIds: [b] },
      {},
      {},
      { searchId: 5 },
    ]);
  });
});
