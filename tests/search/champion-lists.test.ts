import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assets, searchChampionLists, searchChampions, workspaces } from "@/db/schema";
import type { SearchInput } from "@/lib/schemas/search";
import type { Actor } from "@/server/authz/actor";
import { buildRequestedChampionLists, maintainChampionLists } from "@/server/search/champion-lists";
import { amongIds } from "@/server/search/hit-set";
import { searchAssets } from "@/server/search/search-assets";
import { findExactForms, inSearchTransaction, searchTextOf, textMatch } from "@/server/search/text-query";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm, cursorBody, searchEveryPage } from "./search-support";

/*
 * A broad search (more title hits than it ranks exactly: 4 here) asks for its words' champion list; once the
 * sweep has built it (6 titles here), the search's first pages come out in the exact ranking's order, for
 * every viewer, and the triggers keep the list exact as assets change.
 */
const LIMIT = 4;
const LIST_SIZE = 6;
const Q = "quokka";
const day = 86_400_000;
let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;
let partner: Actor;
const made: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
  partner = await ws.actor(ws.people.partnerHigh);
  const db = handle.db;
  const tag = (await createTerm(db, ws, "product", "Quokka Care")).id;
  const at = (days: number) => new Date(Date.now() - days * day);
  const all = "all" as const;
  // Scores differ by how often and where the word stands (title, tag, description) and by its form as
  // typed; plain one-word titles tie and are told apart by freshness.
  const specs: [string, NonNullable<Parameters<typeof createSearchAsset>[2]>][] = [
    ["twiceTagged", { title: "Quokka quokka handbook", termIds: [tag], publishedAt: at(20) }],
    ["twice", { title: "Quokka and quokka playbook", publishedAt: at(12), partnerAccess: all }],
    ["described", { title: "Quokka pricing", description: "Quokka savings", publishedAt: at(30) }],
    ["tagged", { title: "Quokka rollout", termIds: [tag], publishedAt: at(25), partnerAccess: all }],
    ["stemOnly", { title: "Quokkas field notes", publishedAt: at(1) }],
    ["plainNew", { title: "Quokka brief", publishedAt: at(2), partnerAccess: all }],
    ["plainMid", { title: "Quokka sheet", publishedAt: at(6) }],
    ["plainOld", { title: "Quokka deck", publishedAt: at(9), partnerAccess: all }],
    ["plainOlder", { title: "Quokka memo", publishedAt: at(15) }],
    ["plainOldest", { title: "Quokka one-pager", publishedAt: at(40), partnerAccess: all }],
    ["draft", { title: "Quokka quokka quokka draft", status: "draft", publishedAt: at(0) }],
    ["described2", { title: "Notes", description: "The quokka pilot", publishedAt: at(3) }],
    ["body", { title: "Other notes", body: "A quokka mention.", publishedAt: at(4), partnerAccess: all }],
  ];
  for (const [name, spec] of specs) made[name] = (await createSearchAsset(db, ws, spec)).id;
});
afterAll(() => handle.close());

const everyPage = async (actor: Actor, input: SearchInput) =>
  (await searchEveryPage(handle.db, actor, { ...input, limit: 2 }, { exactLimit: LIMIT })).ids;

/** The exact ranking: every hit ranked by score (no limit is reached). */
async function exactRanking(actor: Actor) {
  const result = await searchAssets(handle.db, actor, { q: Q, limit: 50 });
  expect(result.totalExact).toBe(true);
  return result.items.map((i) => i.id);
}

const listRows = () =>
  handle.db.select().from(searchChampionLists).where(eq(searchChampionLists.workspaceId, ws.workspace.id));
const quokkaList = async () =>
  (await listRows()).find((l) => l.tsquery === "'quokka':*" && l.exactTsquery === "'quokka'");
const members = async () => {
  const list = await quokkaList();
  return handle.db
    .select({ id: searchChampions.assetId, score: searchChampions.score })
    .from(searchChampions)
    .where(eq(searchChampions.listId, list!.id));
};

describe("champion lists", () => {
  it("a broad search asks for a list, and the sweep builds it once", async () => {
    expect(await listRows()).toEqual([]);
    const first = await searchAssets(handle.db, rep, { q: Q, limit: 3 }, { exactLimit: LIMIT });
    expect(first.totalExact).toBe(false);
    const [requested] = await listRows();
    expect(requested?.builtAt).toBeNull();
    // An exact search never asks.
    await searchAssets(handle.db, rep, { q: "handbook" }, { exactLimit: LIMIT });
    expect(await listRows()).toHaveLength(1);

    expect(await buildRequestedChampionLists(handle.db, { size: LIST_SIZE })).toBe(1);
    expect(await buildRequestedChampionLists(handle.db, { size: LIST_SIZE })).toBe(0);
    const [built] = await listRows();
    expect(built?.builtAt).not.toBeNull();
    expect(built!.threshold).toBeGreaterThanOrEqual(2);
    const kept = await members();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(LIST_SIZE);
    expect(kept.every((m) => m.score > built!.threshold)).toBe(true);
  });

  it("stores each member's score exactly as an exact search scores it", async () => {
    const kept = await members();
    const ids = kept.map((m) => m.id);
    const scores = await inSearchTransaction(handle.db, ws.workspace.id, Q, async (tx, cfg) => {
      const text = searchTextOf(ws.workspace.id, cfg, Q)!;
      const match = textMatch(text, "fulltext", {
        exactForms: await findExactForms(tx, text, ids, { narrowed: false }),
      });
      return tx
        .select({ id: assets.id, score: sql<number>`(${match.score})`.mapWith(Number) })
        .from(assets)
        .where(amongIds(ids));
    });
    const byId = new Map(scores.map((s) => [s.id, s.score]));
    for (const m of kept) expect(m.score).toBe(byId.get(m.id));
  });

  it.each([
    ["a rep", () => rep],
    ["a partner", () => partner],
  ])("gives %s the exact ranking's first pages, then every other hit once", async (_, actor) => {
    const exact = await exactRanking(actor());
    const kept = new Set((await members()).map((m) => m.id));
    const served = exact.filter((id) => kept.has(id)).length;
    expect(served).toBeGreaterThan(1);
    const broad = await everyPage(actor(), { q: Q });
    expect(broad.slice(0, served)).toEqual(exact.slice(0, served));
    expect(new Set(broad).size).toBe(broad.length);
    expect([...broad].sort()).toEqual([...exact].sort());
  });

  it("never shows a partner what it may not see", async () => {
    const broad = await everyPage(partner, { q: Q });
    expect(broad).not.toContain(made.draft);
    expect(broad).not.toContain(made.twiceTagged);
    expect(broad).toContain(made.twice);
  });

  it("keeps the list exact as titles change", async () => {
    // A plain title becomes the best; a member loses the word.
    await handle.db
      .update(assets)
      .set({ title: "Quokka quokka quokka atlas", description: "quokka" })
      .where(eq(assets.id, made.plainOldest!));
    await handle.db.update(assets).set({ title: "Wallaby handbook" }).where(eq(assets.id, made.twiceTagged!));
    const kept = (await members()).map((m) => m.id);
    expect(kept).toContain(made.plainOldest);
    expect(kept).not.toContain(made.twiceTagged);
    const exact = await exactRanking(rep);
    expect(exact[0]).toBe(made.plainOldest);
    const broad = await everyPage(rep, { q: Q });
    const served = exact.filter((id) => kept.includes(id)).length;
    expect(broad.slice(0, served)).toEqual(exact.slice(0, served));
    expect([...broad].sort()).toEqual([...exact].sort());
  });

  it("keeps the order of a paging that began before the list was built", async () => {
    const db = handle.db;
    const word = "numbat";
    for (let i = 0; i < 7; i++) {
      await createSearchAsset(db, ws, { title: `Numbat ${"numbat ".repeat(i % 3)}guide ${i}` });
    }
    const first = await searchAssets(db, rep, { q: word, limit: 3 }, { exactLimit: LIMIT });
    expect(first.nextCursor).not.toBeNull();
    await buildRequestedChampionLists(db, { size: LIST_SIZE });
    const { ids } = await searchEveryPage(db, rep, { q: word, limit: 3 }, { exactLimit: LIMIT }, first);
    const exact = (await searchAssets(db, rep, { q: word, limit: 50 })).items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...exact].sort());
  });

  it("keeps a list whose titles tie at the cut, and keys a prefix search apart from a quoted word", async () => {
    const db = handle.db;
    // Eight titles with the word once (a tie), two with it twice: a list of 6 keeps only the two above the tie.
    for (let i = 0; i < 8; i++) await createSearchAsset(db, ws, { title: `Bilby sheet ${i}` });
    for (let i = 0; i < 2; i++) await createSearchAsset(db, ws, { title: `Bilby and bilby guide ${i}` });
    await searchAssets(db, rep, { q: "bilby", limit: 2 }, { exactLimit: LIMIT });
    await searchAssets(db, rep, { q: '"bilby"', limit: 2 }, { exactLimit: LIMIT });
    await buildRequestedChampionLists(db, { size: LIST_SIZE });
    await maintainChampionLists(db);
    const lists = (await listRows()).filter((l) => l.tsquery.includes("bilbi"));
    expect(lists.map((l) => l.tsquery).sort()).toEqual(["'bilbi'", "'bilbi':* | 'bilby':*"]);
    for (const list of lists) {
      expect(list.builtCount).toBe(2);
      expect(list.rebuildRequestedAt).toBeNull();
    }
    const exact = (await searchAssets(db, rep, { q: "bilby", limit: 50 })).items.map((i) => i.id);
    const broad = await everyPage(rep, { q: "bilby" });
    expect(broad.slice(0, 2)).toEqual(exact.slice(0, 2));
    expect([...broad].sort()).toEqual([...exact].sort());
  });

  it("ranks the titles tied at the cut before fresher, lower titles, through a window after the list", async () => {
    const db = handle.db;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // Two titles hold the word three times, eight twice (a tie the list of 6 cannot hold, so only the two are
    // members); four fresher titles hold it once.
    for (let i = 0; i < 2; i++)
      await createSearchAsset(db, ws, { title: `Dingo dingo dingo guide ${i}`, publishedAt: ago(60 + i) });
    for (let i = 0; i < 8; i++)
      await createSearchAsset(db, ws, { title: `Dingo and dingo sheet ${i}`, publishedAt: ago(30 + i) });
    for (let i = 0; i < 4; i++)
      await createSearchAsset(db, ws, { title: `Dingo memo ${i}`, publishedAt: ago(i) });
    await searchAssets(db, rep, { q: "dingo", limit: 2 }, { exactLimit: LIMIT });
    await buildRequestedChampionLists(db, { size: LIST_SIZE });
    const list = (await listRows()).find((l) => l.tsquery.includes("dingo"));
    expect(list?.builtCount).toBe(2);
    const exact = (await searchAssets(db, rep, { q: "dingo", limit: 50 })).items.map((i) => i.id);
    // A window of the 35 freshest assets holds every title below the list's (and those of earlier tests).
    const { pages, ids } = await searchEveryPage(
      db,
      rep,
      { q: "dingo", limit: 2 },
      { exactLimit: LIMIT, walkWindow: 35 },
    );
    const cursor = cursorBody(pages[0]!.nextCursor!);
    expect(cursor.c).toBeDefined();
    expect(cursor.w).toHaveLength(2);
    expect(ids).toEqual(exact);
  });

  it("keeps a paging whole when its list is rebuilt between pages", async () => {
    const db = handle.db;
    const first = await searchAssets(db, rep, { q: Q, limit: 2 }, { exactLimit: LIMIT });
    const list = await quokkaList();
    // Half the members leave; the upkeep asks for a rebuild, which lowers the threshold.
    const kept = await members();
    for (const m of kept.slice(0, Math.ceil(kept.length / 2) + 1)) {
      await db
        .update(assets)
        .set({ title: `Renamed ${m.id.slice(0, 4)}` })
        .where(eq(assets.id, m.id));
    }
    await maintainChampionLists(db);
    const [asked] = await db.select().from(searchChampionLists).where(eq(searchChampionLists.id, list!.id));
    expect(asked!.rebuildRequestedAt).not.toBeNull();
    expect(await buildRequestedChampionLists(db, { size: LIST_SIZE })).toBe(1);
    const [rebuilt] = await db.select().from(searchChampionLists).where(eq(searchChampionLists.id, list!.id));
    expect(rebuilt!.rebuildRequestedAt).toBeNull();
    expect(rebuilt!.threshold).toBeLessThan(list!.threshold);

    const { ids } = await searchEveryPage(db, rep, { q: Q, limit: 2 }, { exactLimit: LIMIT }, first);
    // Page one was read before the renames: every hit of now is served once (no gap, no repeat).
    const exact = await exactRanking(rep);
    expect(new Set(ids).size).toBe(ids.length);
    expect(exact.filter((id) => !ids.includes(id))).toEqual([]);
    // A fresh search is served by the rebuilt list in exact order.
    const again = await everyPage(rep, { q: Q });
    expect(again.slice(0, 2)).toEqual(exact.slice(0, 2));
  });

  it("refuses a cursor whose champion threshold was tampered with", async () => {
    const first = await searchAssets(handle.db, rep, { q: Q, limit: 2 }, { exactLimit: LIMIT });
    const body = cursorBody(first.nextCursor!);
    expect(typeof body.c).toBe("number");
    for (const forged of [
      { ...body, c: "1e999" },
      { ...body, c: null },
      { ...body, r: undefined },
    ]) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString("base64url");
      await expect(
        searchAssets(handle.db, rep, { q: Q, limit: 2, cursor }, { exactLimit: LIMIT }),
      ).rejects.toMatchObject({ code: "validation_failed", message: "The cursor is invalid" });
    }
  });

  it("forgets a workspace's lists when its search language changes", async () => {
    const db = handle.db;
    expect((await listRows()).length).toBeGreaterThan(0);
    await db.update(workspaces).set({ searchLanguage: "simple" }).where(eq(workspaces.id, ws.workspace.id));
    expect(await listRows()).toEqual([]);
    await db.update(workspaces).set({ searchLanguage: "english" }).where(eq(workspaces.id, ws.workspace.id));
  });

  it("drops lists nobody searches for", async () => {
    const db = handle.db;
    await searchAssets(db, rep, { q: Q, limit: 2 }, { exactLimit: LIMIT });
    await buildRequestedChampionLists(db, { size: LIST_SIZE });
    expect((await listRows()).length).toBeGreaterThan(0);
    await db
      .update(searchChampionLists)
      .set({ searchedAt: new Date(Date.now() - 31 * day) })
      .where(eq(searchChampionLists.workspaceId, ws.workspace.id));
    await maintainChampionLists(db);
    expect(await listRows()).toEqual([]);
    expect(await db.select().from(searchChampions)).toEqual([]);
  });
});
