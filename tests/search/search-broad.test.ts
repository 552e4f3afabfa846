import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetStages, assetTerms, assets } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { assetFacets } from "@/server/search/asset-facets";
import { bitmapCheaper } from "@/server/search/prepare-search";
import { searchAssets } from "@/server/search/search-assets";
import type { SearchInput } from "@/lib/schemas/search";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm, cursorBody, searchEveryPage } from "./search-support";

/*
 * A search with more hits than it ranks exactly (EXACT_LIMIT; 4 here, so a small library exercises it)
 * reports "4+" results, leaves facet counts out, orders relevance by tier and freshness through index walks,
 * and still pages through every hit exactly once, under the viewer's visibility.
 */
const LIMIT = 4;
const day = 86_400_000;
let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;
let partner: Actor;
let stage: string;
let industry: string;
const made: Record<string, string> = {};
/** The statements the handle sent, for the test that counts them. */
const sent: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase({ logQuery: (text) => sent.push(text) });
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
  partner = await ws.actor(ws.people.partnerHigh);
  stage = ws.stages[0]!.id;
  industry = (await createTerm(handle.db, ws, "industry", "Saltmarsh Farming")).id;
  const db = handle.db;
  const at = (days: number) => new Date(Date.now() - days * day);
  // Titles (tier 2), a description (tier 1), bodies (tier 0); ages set so each tier has its own freshness order.
  const specs: [string, AssetSpec][] = [
    ["titleOld", { title: "Wombatine field guide", publishedAt: at(9) }],
    ["titleNew", { title: "Wombatine rollout plan", publishedAt: at(1), partnerAccess: "all" as const }],
    [
      "described",
      { title: "Pilot summary", description: "How the wombatine pilot went", publishedAt: at(3) },
    ],
    ["bodyA", { title: "Notes one", body: "A wombatine mention.", publishedAt: at(2) }],
    [
      "bodyB",
      {
        title: "Notes two",
        body: "Wombatine again.",
        publishedAt: at(5),
        partnerAccess: "all" as const,
        termIds: [industry],
      },
    ],
    [
      "bodyC",
      { title: "Notes three", body: "Some wombatine text.", publishedAt: at(7), termIds: [industry] },
    ],
    ["bodyD", { title: "Notes four", body: "Wombatine at last.", publishedAt: at(8), termIds: [industry] }],
    ["draft", { title: "Wombatine draft", status: "draft" as const, publishedAt: at(0) }],
  ];
  for (const [name, spec] of specs) {
    made[name] = (await createSearchAsset(db, ws, { stageIds: [stage], ...spec })).id;
  }
});
afterAll(() => handle.close());

/**
 * Every page of a search; `walkWindow` 1 makes each tier find its hits instead of filling from the walk;
 * `walkRowCost` 0 walks every broad tier by freshness, Infinity reads each through bitmaps.
 */
const everyPage = (actor: Actor, input: SearchInput, walkWindow?: number, walkRowCost?: number) =>
  searchEveryPage(handle.db, actor, { ...input, limit: 2 }, { exactLimit: LIMIT, walkWindow, walkRowCost });

type AssetSpec = NonNullable<Parameters<typeof createSearchAsset>[2]>;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Creates a test's assets; their ids by name. */
async function createNamed(specs: [string, AssetSpec][]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [name, spec] of specs) ids[name] = (await createSearchAsset(handle.db, ws, spec)).id;
  return ids;
}

/** Archives a test's assets, so later tests' searches do not find them. */
const archive = (ids: string[]) =>
  handle.db.update(assets).set({ status: "archived" }).where(inArray(assets.id, ids));

describe("a broad search (more hits than EXACT_LIMIT)", () => {
  it.each([
    [undefined, undefined],
    [1, undefined],
    [1, 0],
    [1, Infinity],
  ])(
    "says 4+, orders titles, then descriptions, then bodies, each freshest first, and pages through all (walk window %s, walk row cost %s)",
    async (walkWindow, walkRowCost) => {
      const { pages, ids } = await everyPage(rep, { q: "wombatine" }, walkWindow, walkRowCost);
      expect(pages[0]!.total).toBe(LIMIT);
      expect(pages[0]!.totalExact).toBe(false);
      expect(ids).toEqual([
        made.titleNew,
        made.titleOld,
        made.described,
        made.bodyA,
        made.bodyB,
        made.bodyC,
        made.bodyD,
      ]);
      expect(ids).not.toContain(made.draft);
    },
  );

  it("gives the same hits as an exact search, and exact totals when the limit is not reached", async () => {
    const exact = await searchAssets(handle.db, rep, { q: "wombatine", limit: 50 });
    expect(exact.totalExact).toBe(true);
    expect(exact.total).toBe(7);
    const { ids } = await everyPage(rep, { q: "wombatine" });
    expect([...ids].sort()).toEqual(exact.items.map((i) => i.id).sort());
  });

  it("completes a page's rows in the statement of the tier that found them", async () => {
    sent.length = 0;
    const page = await searchAssets(handle.db, rep, { q: "wombatine", limit: 2 }, { exactLimit: LIMIT });
    expect(page.totalExact).toBe(false);
    expect(page.items.map((i) => i.id)).toEqual([made.titleNew, made.titleOld]);
    // Each item has its details (its stage comes from them)...
    expect(page.items.every((i) => i.stageIds.includes(stage))).toBe(true);
    // ...selected by the statement that ordered the page: no second statement read them.
    const detailing = sent.filter((text) => text.includes("ts_headline"));
    expect(detailing).toHaveLength(1);
    expect(detailing[0]).toContain('"o0"');
  });

  it("sorts newest first through the freshness index when broad", async () => {
    const { ids, pages } = await everyPage(rep, { q: "wombatine", sort: "newest" });
    expect(pages[0]!.totalExact).toBe(false);
    expect(ids).toEqual([
      made.titleNew,
      made.bodyA,
      made.described,
      made.bodyB,
      made.bodyC,
      made.bodyD,
      made.titleOld,
    ]);
  });

  it("shows a partner only what partners may see, on every page", async () => {
    const { ids, pages } = await everyPage(partner, { q: "wombatine" });
    expect(pages[0]!.totalExact).toBe(true);
    expect(ids).toEqual([made.titleNew, made.bodyB]);
  });

  it("leaves facet counts out above the limit and counts exactly once a filter narrows the hits", async () => {
    const broad = await assetFacets(handle.db, rep, { q: "wombatine" }, { exactLimit: LIMIT });
    expect(broad.stage.find((v) => v.value === stage)!.count).toBeNull();
    expect(broad.industry.find((v) => v.value === industry)!.count).toBeNull();

    // The industry filter narrows the hits to three: every other facet counts them; the industry facet
    // itself counts without its own filter (7 hits, more than the limit), so it stays uncounted.
    const narrowed = await assetFacets(
      handle.db,
      rep,
      { q: "wombatine", industryIds: [industry] },
      { exactLimit: LIMIT },
    );
    expect(narrowed.stage.find((v) => v.value === stage)!.count).toBe(3);
    expect(narrowed.type.reduce((n, v) => n + (v.count ?? 0), 0)).toBe(3);
    expect(narrowed.industry.find((v) => v.value === industry)!.count).toBeNull();
    const all = await assetFacets(handle.db, rep, { q: "wombatine", industryIds: [industry] });
    expect(all.industry.find((v) => v.value === industry)!.count).toBe(3);
    expect(all.stage.find((v) => v.value === stage)!.count).toBe(3);
  });

  it("filters without words page through the freshness index too", async () => {
    const { ids, pages } = await everyPage(rep, { stageIds: [stage] });
    expect(pages[0]!.totalExact).toBe(false);
    expect(ids).toHaveLength(7);
    expect(ids[0]).toBe(made.titleNew);
  });
});

describe("a broad search's title tier, when its hits are few", () => {
  it.each([undefined, 1])(
    "is ranked by score as an exact search ranks it, then the rest freshest first, across pages (walk window %s)",
    async (walkWindow) => {
      const db = handle.db;
      const at = (days: number) => new Date(Date.now() - days * day);
      const ids = await createNamed([
        // Older, but the word in the title twice and in the description: the higher score.
        ["rich", { title: "Ibisine guide to ibisine", description: "All about ibisine", publishedAt: at(6) }],
        ["plain", { title: "Ibisine notes", publishedAt: at(1) }],
        ["body1", { title: "Memo one", body: "An ibisine mention.", publishedAt: at(2) }],
        ["body2", { title: "Memo two", body: "Ibisine again.", publishedAt: at(3) }],
        ["body3", { title: "Memo three", body: "More ibisine.", publishedAt: at(4) }],
        ["body4", { title: "Memo four", body: "Ibisine at last.", publishedAt: at(5) }],
      ]);
      try {
        const exact = await searchAssets(db, rep, { q: "ibisine", limit: 2 });
        expect(exact.items.map((i) => i.id)).toEqual([ids.rich, ids.plain]);
        const { pages, ids: paged } = await everyPage(rep, { q: "ibisine" }, walkWindow);
        expect(pages[0]!.totalExact).toBe(false);
        expect(paged).toEqual([ids.rich, ids.plain, ids.body1, ids.body2, ids.body3, ids.body4]);
      } finally {
        await archive(Object.values(ids));
      }
    },
  );
});

describe("a broad tier too large to rank", () => {
  it("is read through bitmaps when its hits are few among what the searcher sees, else by walking the freshness index", () => {
    // A word in 0.25% of the 600,000 assets a rep sees at a million: a walk would test ~8,400 rows for 21.
    expect(bitmapCheaper(1_500, 600_000, 21)).toBe(true);
    // A word in 2.3% of them: a walk finds 21 within ~900 rows; a bitmap would read 14,000.
    expect(bitmapCheaper(14_000, 600_000, 21)).toBe(false);
    // At 100,000 (60,000 visible) the same words: 1,500 is at the edge, 3,000 walks.
    expect(bitmapCheaper(1_500, 60_000, 21)).toBe(true);
    expect(bitmapCheaper(3_000, 60_000, 21)).toBe(false);
  });
});

describe("a broad search's title tier too large to rank, without a champion list", () => {
  it.each([undefined, 0, Infinity])(
    "ranks the titles of the freshest assets (a window) first, keeps that window on later pages, then the older titles freshest first (walk row cost %s)",
    async (walkRowCost) => {
      const db = handle.db;
      // The word twice in the title ranks higher; a description without it leaves no title to rank first by it.
      const rich = { description: "From the start" };
      // Five titles (more than LIMIT: too many to rank), the freshest five assets of the workspace.
      const ids = await createNamed([
        ["a", { title: "Egretine notes", publishedAt: minutesAgo(1) }],
        ["b", { title: "Egretine guide to egretine", ...rich, publishedAt: minutesAgo(2) }],
        ["c", { title: "Egretine memo", publishedAt: minutesAgo(3) }],
        // Outside a window of the three freshest assets: scores like b, but ranked by freshness.
        ["d", { title: "Egretine plan for egretine", ...rich, publishedAt: minutesAgo(4) }],
        ["e", { title: "Egretine summary", publishedAt: minutesAgo(5) }],
        ["body", { title: "Field memo", body: "One egretine mention.", publishedAt: minutesAgo(6) }],
      ]);
      const opts = { exactLimit: LIMIT, walkWindow: 3, walkRowCost };
      const input = { q: "egretine", limit: 2 };
      let late: string | undefined;
      try {
        const exact = await searchAssets(db, rep, { q: "egretine", limit: 3 });
        expect(exact.items.map((i) => i.id)).toEqual([ids.b, ids.d, ids.a]);

        const first = await searchAssets(db, rep, input, opts);
        expect(first.totalExact).toBe(false);
        expect(first.items.map((i) => i.id)).toEqual([ids.b, ids.a]);
        // A title published after the first page, as rich as b: the window of the first page stays as it was.
        late = (await createSearchAsset(db, ws, { title: "Egretine brief on egretine", ...rich })).id;
        sent.length = 0;
        const second = await searchAssets(db, rep, { ...input, cursor: first.nextCursor! }, opts);
        expect(second.items.map((i) => i.id)).toEqual([ids.c, ids.d]);
        // The titles older than the window are walked freshest first without counting them: the only hits
        // counted are the search's own.
        expect(sent.filter((text) => text.includes("count(*)::int as n"))).toHaveLength(1);
        const { ids: paged } = await searchEveryPage(db, rep, input, opts, first);
        expect(paged).toEqual([ids.b, ids.a, ids.c, ids.d, ids.e, ids.body]);
      } finally {
        await archive([...Object.values(ids), ...(late ? [late] : [])]);
      }
    },
  );
});

describe("a broad search for one word whose titles are too many to rank", () => {
  it("ranks the titles that also hold the word in their tags or description first, then the others freshest first", async () => {
    const db = handle.db;
    const ids = await createNamed([
      ["p1", { title: "Plovera notes", publishedAt: minutesAgo(1) }],
      ["p2", { title: "Plovera guide", description: "Plovera basics", publishedAt: minutesAgo(2) }],
      ["p3", { title: "Plovera memo", publishedAt: minutesAgo(3) }],
      [
        "p4",
        {
          title: "Plovera plan",
          description: "About plovera, and plovera again",
          publishedAt: minutesAgo(4),
        },
      ],
      ["p5", { title: "Plovera summary", publishedAt: minutesAgo(5) }],
      ["body", { title: "Field memo", body: "One plovera mention.", publishedAt: minutesAgo(6) }],
    ]);
    const order = ["p4", "p2", "p1", "p3", "p5", "body"].map((n) => ids[n]);
    const input = { q: "plovera", limit: 2 };
    try {
      const exact = await searchAssets(db, rep, { ...input, limit: 10 });
      expect(exact.items.map((i) => i.id)).toEqual(order);
      // A window of one asset ranks nothing: the order comes from the titles' tags and descriptions.
      const { pages, ids: paged } = await searchEveryPage(db, rep, input, {
        exactLimit: LIMIT,
        walkWindow: 1,
      });
      expect(pages[0]!.totalExact).toBe(false);
      const cursor = cursorBody(pages[0]!.nextCursor!);
      expect(cursor.s).toBe(1);
      expect(paged).toEqual(order);
      // Two words: cover density decides their titles' order, so no such split is made.
      const two = await searchAssets(
        db,
        rep,
        { q: "plovera memo", limit: 2 },
        { exactLimit: 1, walkWindow: 1 },
      );
      if (two.nextCursor) {
        expect(cursorBody(two.nextCursor).s).toBeUndefined();
      }
    } finally {
      await archive(Object.values(ids));
    }
  });
});

describe("a typo-tolerant broad search", () => {
  it("ranks the titles like the words among the freshest assets first, between the exact hits and assets only tagged alike", async () => {
    const db = handle.db;
    const tag = await createTerm(db, ws, "competitor", "Cormorants Dawnlight");
    // "cormorat dawn": no title holds "cormorat"; each title holds its correction "cormorant" and "dawn".
    const ids = await createNamed([
      ["a", { title: "Dawn notes on one cormorant", publishedAt: minutesAgo(1) }],
      ["b", { title: "Cormorant dawn count", publishedAt: minutesAgo(2) }],
      ["c", { title: "Dawn and a cormorant", publishedAt: minutesAgo(3) }],
      // Outside a window of the three freshest assets: as like the words as b, ranked by freshness.
      ["d", { title: "Cormorant dawn survey", publishedAt: minutesAgo(4) }],
      ["e", { title: "Dawn over the cormorant", publishedAt: minutesAgo(5) }],
      [
        "exact",
        { title: "Field log", body: "Cormorat dawn, as the rangers spell it.", publishedAt: minutesAgo(6) },
      ],
      ["tagged", { title: "Rival overview", termIds: [tag.id], publishedAt: minutesAgo(7) }],
    ]);
    const input = { q: "cormorat dawn", limit: 2 };
    try {
      const exact = await searchAssets(db, rep, { ...input, limit: 10 });
      expect(exact.textMode).toBe("fuzzy");
      expect(exact.items.map((i) => i.id)).toEqual(
        ["exact", "b", "d", "c", "e", "a", "tagged"].map((n) => ids[n]),
      );
      const { pages, ids: paged } = await searchEveryPage(db, rep, input, {
        exactLimit: LIMIT,
        walkWindow: 3,
      });
      expect(pages[0]!.totalExact).toBe(false);
      const cursor = cursorBody(pages[0]!.nextCursor!);
      expect(cursor.w).toHaveLength(2);
      expect(paged).toEqual(["exact", "b", "c", "a", "d", "e", "tagged"].map((n) => ids[n]));
    } finally {
      await archive(Object.values(ids));
    }
  });
});

describe("assets.facet_keys", () => {
  it("follows the asset's stages and tags through inserts and deletes", async () => {
    const db = handle.db;
    const keysOf = async (id: string) =>
      (await db.select({ k: assets.facetKeys }).from(assets).where(eq(assets.id, id)))[0]!.k;
    const persona = (await createTerm(db, ws, "persona", "Lighthouse Keeper")).id;
    const a = (await createSearchAsset(db, ws, { title: "Keyed asset", stageIds: [stage] })).id;
    expect(await keysOf(a)).toEqual([stage]);
    await db.insert(assetTerms).values([
      { assetId: a, termId: industry },
      { assetId: a, termId: persona },
    ]);
    expect(await keysOf(a)).toEqual([stage, industry, persona].sort());
    await db.delete(assetStages).where(eq(assetStages.assetId, a));
    await db.delete(assetTerms).where(inArray(assetTerms.termId, [industry]));
    expect(await keysOf(a)).toEqual([persona]);
  });
});
