import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { taxonomyTerms } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { searchAssets } from "@/server/search/search-assets";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
});
afterAll(() => handle.close());

describe("a result's stages and tags", () => {
  it("lists them as the workspace orders them, on every search path", async () => {
    const db = handle.db;
    const term = async (kind: Parameters<typeof createTerm>[2], name: string, position: number) => {
      const t = await createTerm(db, ws, kind, name);
      await db.update(taxonomyTerms).set({ position }).where(eq(taxonomyTerms.id, t.id));
      return t;
    };
    // Kinds in their declared order (product before competitor), then position, then name.
    const rival = await term("competitor", "Acme Rival", 0);
    const zeta = await term("product", "Zeta Suite", 1);
    const alpha = await term("product", "Alpha Suite", 2);
    const retail = await term("industry", "Retail", 0);
    const [first, , , fourth] = ws.stages;
    const tagged = { stageIds: [fourth!.id, first!.id], termIds: [rival.id, alpha.id, retail.id, zeta.id] };
    const a = await createSearchAsset(db, ws, {
      title: "Quillfeather pricing guide",
      type: "battlecard",
      ...tagged,
    });
    await createSearchAsset(db, ws, { title: "Quillfeather renewal guide", ...tagged });
    const expected = {
      stageIds: [first!.id, fourth!.id],
      tags: [
        { id: zeta.id, kind: "product", name: "Zeta Suite" },
        { id: alpha.id, kind: "product", name: "Alpha Suite" },
        { id: retail.id, kind: "industry", name: "Retail" },
        { id: rival.id, kind: "competitor", name: "Acme Rival" },
      ],
    };
    const detailsOf = (r: Awaited<ReturnType<typeof searchAssets>>) =>
      r.items.filter((i) => i.id === a.id).map((i) => ({ stageIds: i.stageIds, tags: i.tags }));

    // Ranked exactly (every hit known), broad (ordered by tier, completed by id), and without words.
    const exact = await searchAssets(db, rep, { q: "quillfeather" });
    expect(exact.totalExact).toBe(true);
    expect(detailsOf(exact)).toEqual([expected]);
    const broad = await searchAssets(db, rep, { q: "quillfeather" }, { exactLimit: 1 });
    expect(broad.totalExact).toBe(false);
    expect(detailsOf(broad)).toEqual([expected]);
    const browse = await searchAssets(db, rep, { stageIds: [fourth!.id], limit: 50 });
    expect(detailsOf(browse)).toEqual([expected]);
    // A page of one row: that row brings the labels.
    const single = await searchAssets(db, rep, { types: ["battlecard"] });
    expect(single.items.map((i) => i.id)).toEqual([a.id]);
    expect(detailsOf(single)).toEqual([expected]);
    // Every item of a page carries its own keys, not only the row that brought the labels.
    expect(exact.items.every((i) => i.stageIds.length === 2 && i.tags.length === 4)).toBe(true);
  });
});
