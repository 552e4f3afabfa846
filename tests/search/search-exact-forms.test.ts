import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assets } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { searchAssets } from "@/server/search/search-assets";
import { findExactForms, inSearchTransaction, searchTextOf } from "@/server/search/text-query";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm, setExtractedText } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;
/** The statements the handle sent, for the tests that count them. */
const sent: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase({ logQuery: (text) => sent.push(text) });
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
});
afterAll(() => handle.close());

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);
const day = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

describe("exact forms above stem-only matches", () => {
  it("ranks a body with the proper noun as typed above a fresher body with only a stem sibling", async () => {
    const db = handle.db;
    // english stems both "Contoso" and "contosos" to 'contoso': without the exact form they tie, freshest first.
    const sibling = await createSearchAsset(db, ws, {
      title: "Field notes one",
      type: "case_study",
      body: "Notes from the contosos workshop, see https://example.com/contosos for the slides.",
      publishedAt: daysAgo(1),
    });
    const exact = await createSearchAsset(db, ws, {
      title: "Field notes two",
      type: "case_study",
      body: "Notes from the Contoso workshop.",
      publishedAt: daysAgo(20),
    });
    expect(ids(await searchAssets(db, rep, { q: "Contoso" }))).toEqual([exact.id, sibling.id]);
    // With a filter the exact forms are tested hit by hit instead of through their index: the same order.
    const filtered = { q: "Contoso", types: ["case_study" as const] };
    expect(ids(await searchAssets(db, rep, filtered))).toEqual([exact.id, sibling.id]);
    expect(ids(await searchAssets(db, rep, { ...filtered, q: "contosos" }))).toEqual([sibling.id, exact.id]);
    // Both ways of finding the exact forms (index lookup; each hit tested, forced with docsPerHit 0) agree.
    const both = await inSearchTransaction(db, ws.workspace.id, "Contoso", async (tx, cfg) => {
      const text = searchTextOf(ws.workspace.id, cfg, "Contoso")!;
      const hits = [exact.id, sibling.id];
      return Promise.all([
        findExactForms(tx, text, hits, { narrowed: false }),
        findExactForms(tx, text, hits, { narrowed: true, docsPerHit: 0 }),
      ]);
    });
    expect(both).toEqual([[exact.id], [exact.id]]);
    // Typed as the sibling, the sibling's own form wins.
    expect(ids(await searchAssets(db, rep, { q: "contosos" }))).toEqual([sibling.id, exact.id]);
    // Without filters the statement that finds the hits also finds which hold the words as typed; with one,
    // they are looked up on their own.
    const lookups = async (input: Parameters<typeof searchAssets>[2]) => {
      sent.length = 0;
      const found = ids(await searchAssets(db, rep, input));
      return { found, lookups: sent.filter((text) => text.includes('"search_exact" @@')) };
    };
    const plain = await lookups({ q: "Contoso" });
    expect(plain.found).toEqual([exact.id, sibling.id]);
    expect(plain.lookups).toHaveLength(1);
    expect(plain.lookups[0]).toContain("count(*)");
    const narrowed = await lookups(filtered);
    expect(narrowed.found).toEqual([exact.id, sibling.id]);
    expect(narrowed.lookups.some((text) => text.includes("count(*)"))).toBe(false);
    // So with a phrase: its words may be in far more documents than the phrase is.
    const phrase = await lookups({ q: '"Contoso workshop"' });
    expect(phrase.found).toEqual([exact.id, sibling.id]);
    expect(phrase.lookups.length).toBeGreaterThan(0);
    expect(phrase.lookups.some((text) => text.includes("count(*)"))).toBe(false);
    // Stop words and operators do not take the bonus away: it looks up the words the stemmer keeps, all of them.
    expect(ids(await searchAssets(db, rep, { q: "the Contoso" }))).toEqual([exact.id, sibling.id]);
    expect(ids(await searchAssets(db, rep, { q: "Contoso or the" }))).toEqual([exact.id, sibling.id]);
    expect(ids(await searchAssets(db, rep, { q: '"Contoso workshop"' }))).toEqual([exact.id, sibling.id]);
    // Other sorts are untouched: newest is still freshest first.
    expect(ids(await searchAssets(db, rep, { q: "Contoso", sort: "newest" }))).toEqual([
      sibling.id,
      exact.id,
    ]);
  });

  it("ranks an English word as typed above its inflections in descriptions, tags and across pages", async () => {
    const db = handle.db;
    const runs = await createSearchAsset(db, ws, {
      title: "Drill card alpha",
      description: "How the team runs quarterly drills",
      publishedAt: daysAgo(1),
    });
    const run = await createSearchAsset(db, ws, {
      title: "Drill card beta",
      description: "How the team run quarterly drills",
      publishedAt: daysAgo(2),
    });
    const running = await createSearchAsset(db, ws, {
      title: "Drill card gamma",
      description: "How the team running quarterly drills",
      publishedAt: daysAgo(30),
    });
    expect(ids(await searchAssets(db, rep, { q: "running quarterly" }))).toEqual([
      running.id,
      runs.id,
      run.id,
    ]);
    const first = await searchAssets(db, rep, { q: "running quarterly", limit: 1 });
    const second = await searchAssets(db, rep, {
      q: "running quarterly",
      limit: 1,
      cursor: first.nextCursor!,
    });
    const third = await searchAssets(db, rep, {
      q: "running quarterly",
      limit: 1,
      cursor: second.nextCursor!,
    });
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual([running.id, runs.id, run.id]);

    const tagged = await createTerm(db, ws, "industry", "Shipping");
    const ships = await createSearchAsset(db, ws, {
      title: "Lane review",
      description: "ships",
      publishedAt: daysAgo(1),
    });
    const shipping = await createSearchAsset(db, ws, {
      title: "Lane summary",
      termIds: [tagged.id],
      publishedAt: daysAgo(40),
    });
    expect(ids(await searchAssets(db, rep, { q: "shipping" }))[0]).toBe(shipping.id);
    expect(ids(await searchAssets(db, rep, { q: "shipping" }))).toContain(ships.id);
  });

  it("never lifts an exact body-only hit above a stem-only description or title hit", async () => {
    const db = handle.db;
    const body = await createSearchAsset(db, ws, {
      title: "Unrelated memo",
      body: "The Tailspinning offsite.",
      publishedAt: daysAgo(1),
    });
    const described = await createSearchAsset(db, ws, {
      title: "Offsite recap",
      description: "tailspinned",
      publishedAt: daysAgo(50),
    });
    const titled = await createSearchAsset(db, ws, { title: "Tailspinned agenda", publishedAt: daysAgo(60) });
    expect(ids(await searchAssets(db, rep, { q: "tailspinning" }))).toEqual([
      titled.id,
      described.id,
      body.id,
    ]);
  });

  it("keeps the exact forms current when the text, title or tags change", async () => {
    const db = handle.db;
    const older = await createSearchAsset(db, ws, {
      title: "Proposal draft",
      body: "Draft for northwindish accounts.",
      publishedAt: daysAgo(30),
    });
    const newer = await createSearchAsset(db, ws, {
      title: "Proposal final",
      body: "Final for northwindish accounts.",
      publishedAt: daysAgo(1),
    });
    expect(ids(await searchAssets(db, rep, { q: "northwind" })).length).toBe(2);
    await setExtractedText(db, older.id, "Final for Northwind accounts.");
    expect(ids(await searchAssets(db, rep, { q: "northwind" }))).toEqual([older.id, newer.id]);
    await setExtractedText(db, older.id, "Final for northwindish accounts.");
    await db.update(assets).set({ description: "Northwind" }).where(eq(assets.id, newer.id));
    expect(ids(await searchAssets(db, rep, { q: "northwind" }))[0]).toBe(newer.id);
  });
});
