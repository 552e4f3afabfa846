import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetVersions, assets, files } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { snippetParts } from "@/lib/search-snippet";
import type { Actor } from "@/server/authz/actor";
import { nearestTitles } from "@/server/search/nearest-titles";
import { searchAssets } from "@/server/search/search-assets";
import { splitPrefix } from "@/server/search/text-query";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm, cursorBody } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;
let marketer: Actor;

/** The statements the handle sent, for the test that looks at them. */
const sent: string[] = [];

beforeAll(async () => {
  handle = await createTestDatabase({ logQuery: (text) => sent.push(text) });
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
  marketer = await ws.actor(ws.people.marketer);
});
afterAll(() => handle.close());

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe("searchAssets", () => {
  it("ranks a title match above a body match, even a body that repeats the word", async () => {
    const db = handle.db;
    const inBody = await createSearchAsset(db, ws, {
      title: "Quarterly pricing review",
      body: Array.from({ length: 40 }, () => "The zephyrine rollout went well.").join(" "),
    });
    const inTitle = await createSearchAsset(db, ws, { title: "Zephyrine rollout guide" });
    const inDescription = await createSearchAsset(db, ws, {
      title: "Onboarding notes",
      description: "How the zephyrine team onboarded",
    });
    const result = await searchAssets(db, rep, { q: "zephyrine" });
    expect(ids(result)[0]).toBe(inTitle.id);
    expect(ids(result).sort()).toEqual([inTitle.id, inDescription.id, inBody.id].sort());
    expect(result.total).toBe(3);
    expect(result.textMode).toBe("fulltext");
  });

  it("ranks a description hit above body-only hits, and equal body-only hits freshest first", async () => {
    const db = handle.db;
    const day = 86_400_000;
    const older = await createSearchAsset(db, ws, {
      title: "Older field notes",
      body: Array.from({ length: 30 }, () => "The quillwort pilot.").join(" "),
      publishedAt: new Date(Date.now() - 30 * day),
    });
    const newer = await createSearchAsset(db, ws, {
      title: "Newer field notes",
      body: "One quillwort mention.",
      publishedAt: new Date(Date.now() - day),
    });
    const described = await createSearchAsset(db, ws, {
      title: "Pilot summary",
      description: "The quillwort pilot in brief",
      publishedAt: new Date(Date.now() - 60 * day),
    });
    expect(ids(await searchAssets(db, rep, { q: "quillwort" }))).toEqual([described.id, newer.id, older.id]);
    const first = await searchAssets(db, rep, { q: "quillwort", limit: 2 });
    const rest = await searchAssets(db, rep, { q: "quillwort", limit: 2, cursor: first.nextCursor! });
    expect([...ids(first), ...ids(rest)]).toEqual([described.id, newer.id, older.id]);
  });

  it("matches the last word as a prefix while typing", async () => {
    const db = handle.db;
    const a = await createSearchAsset(db, ws, { title: "Kestrelwing migration playbook" });
    const b = await createSearchAsset(db, ws, { title: "Kestrelwing security overview" });
    const c = await createSearchAsset(db, ws, { title: "Kestrelwing pricing sheet" });
    expect(ids(await searchAssets(db, rep, { q: "kestrelw" })).sort()).toEqual([a.id, b.id, c.id].sort());
    // One exact hit: similar titles may follow (typo tolerance for few results), but never ahead of it.
    expect(ids(await searchAssets(db, rep, { q: "kestrelwing migr" }))[0]).toBe(a.id);
    expect(ids(await searchAssets(db, rep, { q: "kestrelwing secur" }))[0]).toBe(b.id);
    // Typed past the stem ("kestrelw") still matches.
    expect((await searchAssets(db, rep, { q: "kestrelwi" })).textMode).toBe("fulltext");
    expect((await searchAssets(db, rep, { q: "kestrelwi" })).total).toBe(3);
    // A stem that is not a prefix of the word (happy -> happi), and a stop word (the), still match as typed.
    const happy = await createSearchAsset(db, ws, { title: "Happyfolk onboarding" });
    expect(ids(await searchAssets(db, rep, { q: "happy" }))).toContain(happy.id);
    const theory = await createSearchAsset(db, ws, { title: "Theoryzine of change" });
    expect(ids(await searchAssets(db, rep, { q: "the" }))).toContain(theory.id);
    // Only a plain last word still being typed becomes a prefix; anything else goes to websearch_to_tsquery.
    expect(splitPrefix("pricing obj")).toEqual({ head: "pricing", prefix: "obj" });
    expect(splitPrefix("pricing ").prefix).toBeNull();
    expect(splitPrefix('"open phra').prefix).toBeNull();
    expect(splitPrefix("a:*|!(").prefix).toBeNull();
    expect(splitPrefix("x").prefix).toBeNull();
  });

  it("tolerates typos in titles and tag names, ranking them below exact hits", async () => {
    const db = handle.db;
    const card = await createSearchAsset(db, ws, {
      title: "Globex competitive battlecard",
      type: "battlecard",
    });
    const result = await searchAssets(db, rep, { q: "battlecrad" });
    expect(result.textMode).toBe("fuzzy");
    expect(ids(result)).toContain(card.id);
    const tag = await createTerm(db, ws, "industry", "Horticulture");
    const tagged = await createSearchAsset(db, ws, { title: "Greenhouse rollout", termIds: [tag.id] });
    expect(ids(await searchAssets(db, rep, { q: "horticultre" }))).toContain(tagged.id);
    // An exact hit comes before typo matches.
    const exact = await createSearchAsset(db, ws, { title: "Battlecrad naming mistakes" });
    expect(ids(await searchAssets(db, rep, { q: "battlecrad" }))[0]).toBe(exact.id);
    expect((await nearestTitles(db, rep, "globx battlecard")).map((s) => s.id)).toContain(card.id);
  });

  it("does not look for assets with a similar tag when no tag name looks like the words", async () => {
    const db = handle.db;
    await createSearchAsset(db, ws, { title: "Quillwort field notes" });
    sent.length = 0;
    const result = await searchAssets(db, rep, { q: "quilwort" }, { facets: false });
    expect(result.textMode).toBe("fuzzy");
    expect(result.items.map((i) => i.title)).toContain("Quillwort field notes");
    expect(sent.some((text) => text.includes('"facet_keys" &&'))).toBe(false);
    // With a tag like the words, its assets are looked for, by the tag's id.
    const tag = await createTerm(db, ws, "product", "Quilwort Suite");
    const tagged = await createSearchAsset(db, ws, { title: "Rollout checklist", termIds: [tag.id] });
    sent.length = 0;
    expect(ids(await searchAssets(db, rep, { q: "quilwort" }, { facets: false }))).toContain(tagged.id);
    expect(sent.some((text) => text.includes('"facet_keys" &&'))).toBe(true);
  });

  it("corrects each misspelt word against the titles' vocabulary and finds titles holding every correction", async () => {
    const db = handle.db;
    const both = await createSearchAsset(db, ws, { title: "Zebrowski Vault rollout plan" });
    const one = await createSearchAsset(db, ws, { title: "Zebrowski Analytics overview" });
    const renamed = await createSearchAsset(db, ws, { title: "Untitled draft" });
    // A renamed title's new words join the vocabulary.
    await db.update(assets).set({ title: "Marmoset Vault checklist" }).where(eq(assets.id, renamed.id));
    const other = await createTestWorkspace(db);
    await createSearchAsset(db, other, { title: "Quagmirex handbook" });

    sent.length = 0;
    // Two letters swapped in each word: edit distance 2, first letters kept.
    const result = await searchAssets(db, rep, { q: "zebrowksi vualt" }, { facets: false });
    expect(result.textMode).toBe("fuzzy");
    expect(ids(result)).toContain(both.id);
    // Every word needs a correction in the title: one word alike is not a match.
    expect(ids(result)).not.toContain(one.id);
    // The titles come through the title index, not by comparing the words with every title's trigrams.
    expect(sent.some((text) => text.includes("<%"))).toBe(false);
    expect(ids(await searchAssets(db, rep, { q: "marmsoet" }))).toEqual([renamed.id]);
    // Only a word's closest corrections: "wexfrd" is one edit from Wexford and two from Wenford.
    const wexford = await createSearchAsset(db, ws, { title: "Wexford pilot" });
    await createSearchAsset(db, ws, { title: "Wenford pilot" });
    expect(ids(await searchAssets(db, rep, { q: "wexfrd" }))).toEqual([wexford.id]);
    // A wrong first letter is not corrected, and another workspace's titles are not a vocabulary of this one.
    expect(ids(await searchAssets(db, rep, { q: "xebrowski" }))).not.toContain(both.id);
    expect((await searchAssets(db, rep, { q: "quagmirx" })).total).toBe(0);
  });

  it("ranks a title like the misspelt words above a fresher asset only tagged with a name like them", async () => {
    const db = handle.db;
    const day = 86_400_000;
    const named = await createSearchAsset(db, ws, {
      title: "Zumbrota pricing brief",
      publishedAt: new Date(Date.now() - 40 * day),
    });
    const tag = await createTerm(db, ws, "competitor", "Zumbrota Analytics");
    const tagged = await createSearchAsset(db, ws, {
      title: "Displacing an incumbent",
      termIds: [tag.id],
      publishedAt: new Date(Date.now() - day),
    });
    const result = await searchAssets(db, rep, { q: "zumbrta" });
    expect(result.textMode).toBe("fuzzy");
    expect(ids(result)).toEqual([named.id, tagged.id]);
  });

  it("suggests the closest titles first in one look at few candidates, and pass by pass among many", async () => {
    const db = handle.db;
    // Words no other test's titles hold: the candidates are these titles.
    const titles = [
      "Zorblatt quibbleton kit",
      "Zorblat quibbleton",
      "Zorbla quibble",
      "Quibbleton zorb",
      "Unrelated pricing sheet",
    ];
    const made = new Map<string, string>();
    for (const title of titles) made.set((await createSearchAsset(db, ws, { title })).id, title);
    const q = "zorblatt quibbleton";
    const oneLook = await nearestTitles(db, rep, q, 5);
    // With at most 2 titles ranked per look, the 4 candidates take the passes (each ranking 2 of its own).
    const passes = await nearestTitles(db, rep, q, 5, 2);
    expect(oneLook.map((s) => s.title).slice(0, 2)).toEqual(titles.slice(0, 2));
    expect(oneLook.map((s) => s.title)).not.toContain("Unrelated pricing sheet");
    expect(passes.length).toBeGreaterThanOrEqual(2);
    expect(oneLook).toEqual(expect.arrayContaining(passes));
    // Through the search itself: nothing matched (not even as a typo), so the answer carries suggestions.
    const far = "qqzorbqq quibbxxy";
    const result = await searchAssets(db, rep, { q: far }, { suggest: true });
    expect(result.total).toBe(0);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions).toEqual(await nearestTitles(db, rep, far));
    expect((await searchAssets(db, rep, { q: far })).suggestions).toEqual([]);
  });

  it("suggests visible titles holding a title word like the words, and reads no title when no word is alike", async () => {
    const db = handle.db;
    const shown = await createSearchAsset(db, ws, { title: "Xylocarpa pricing guide" });
    const hidden = await createSearchAsset(db, ws, { title: "Xylocarpa draft notes", status: "draft" });
    // A renamed title's new words join the vocabulary, and are suggested from.
    const renamed = await createSearchAsset(db, ws, { title: "Placeholder" });
    await db.update(assets).set({ title: "Quernstone rollout" }).where(eq(assets.id, renamed.id));
    const other = await createTestWorkspace(db);
    await createSearchAsset(db, other, { title: "Xylocarpa elsewhere" });

    const suggested = (await nearestTitles(db, rep, "xylocarpo")).map((s) => s.id);
    expect(suggested).toContain(shown.id);
    expect(suggested).not.toContain(hidden.id);
    expect((await nearestTitles(db, marketer, "xylocarpo")).map((s) => s.id)).toEqual(
      expect.arrayContaining([shown.id, hidden.id]),
    );
    expect((await nearestTitles(db, rep, "quernstome")).map((s) => s.id)).toEqual([renamed.id]);

    // Words like no title word: one look at the vocabulary, and no statement reads a title.
    sent.length = 0;
    expect(await nearestTitles(db, rep, "zzqqvv")).toEqual([]);
    expect(sent.some((text) => text.includes("title_words"))).toBe(true);
    expect(sent.some((text) => text.includes('"assets"'))).toBe(false);
  });

  it("returns a snippet with markers around the matched word, never HTML", async () => {
    const db = handle.db;
    await createSearchAsset(db, ws, {
      title: "Customer story",
      description: "Before <b>Baton</b> the team struggled.",
      body: "Onboarding took weeks. After the switch, the quokkamatic workflow cut it to two days.",
    });
    const [item] = (await searchAssets(db, rep, { q: "quokkamatic" })).items;
    expect(item!.snippet).toContain("«quokkamatic»");
    expect(snippetParts(item!.snippet!).filter((p) => p.match)).toEqual([
      { text: "quokkamatic", match: true },
    ]);
  });

  it("cuts the snippet around a match deep inside a long text", async () => {
    const filler = Array.from({ length: 2_000 }, (_, i) => `filler${i}`).join(" ");
    const asset = await createSearchAsset(handle.db, ws, {
      title: "Long report",
      body: `${filler} the tamarisk clause sits on page forty. ${filler}`,
    });
    const [item] = (await searchAssets(handle.db, rep, { q: "tamarisk clause" })).items;
    expect(item!.id).toBe(asset.id);
    expect(item!.snippet).toContain("«tamarisk»");
    expect(item!.snippet).toContain("«clause»");
  });

  it("never shows drafts, in-review, archived or expired assets to reps, in results or totals", async () => {
    const db = handle.db;
    const live = await createSearchAsset(db, ws, { title: "Vorpalite live" });
    for (const status of ["draft", "in_review", "archived"] as const) {
      await createSearchAsset(db, ws, { title: `Vorpalite ${status}`, status });
    }
    await createSearchAsset(db, ws, { title: "Vorpalite expired", expiresAt: new Date(Date.now() - 60_000) });
    const forRep = await searchAssets(db, rep, { q: "vorpalite" });
    expect(ids(forRep)).toEqual([live.id]);
    expect(forRep.total).toBe(1);
    const forMarketer = await searchAssets(db, marketer, { q: "vorpalite" });
    expect(forMarketer.total).toBe(5);
    const unfiltered = await searchAssets(db, rep, { limit: 50 });
    expect(unfiltered.items.every((i) => i.status === "published")).toBe(true);
  });

  it("answers SQL-injection-shaped and tsquery-syntax input normally", async () => {
    const db = handle.db;
    const before = await db.select({ n: count() }).from(assets);
    for (const q of [
      "'; drop table assets; --",
      "a:*|!(",
      "!!!",
      '"unclosed phrase',
      "foo & | bar <-> baz",
      "\\' or 1=1 --",
      "-",
      "(((",
      ":*",
    ]) {
      const result = await searchAssets(db, rep, { q });
      expect(Array.isArray(result.items)).toBe(true);
    }
    expect(await db.select({ n: count() }).from(assets)).toEqual(before);
  });

  it("pages through every sort with a cursor, each row once, and rejects a tampered cursor", async () => {
    const db = handle.db;
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await createSearchAsset(db, ws, {
          title: `Tamarillo ${i}`,
          description: i % 2 ? "tamarillo tamarillo" : "",
          publishedAt: new Date(Date.UTC(2025, 0, 1 + (i % 3))),
        }),
      );
    }
    for (const sort of ["relevance", "newest", "most_used", "most_effective"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchAssets(db, rep, { q: "tamarillo", sort, limit: 3, cursor });
        expect(page.total).toBe(7);
        seen.push(...ids(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.length, sort).toBe(7);
      expect(new Set(seen), sort).toEqual(new Set(made.map((m) => m.id)));
    }
    const first = await searchAssets(db, rep, { q: "tamarillo", limit: 3 });
    const body = cursorBody(first.nextCursor!);
    const tampered = [
      Buffer.from(JSON.stringify({ ...body, k: ["1) or true --"] })).toString("base64url"),
      "not-a-cursor",
      Buffer.from("[1,2]").toString("base64url"),
      // A regime other than "broad".
      Buffer.from(JSON.stringify({ ...body, r: "everything" })).toString("base64url"),
    ];
    for (const cursor of tampered) {
      await expect(searchAssets(db, rep, { q: "tamarillo", cursor })).rejects.toMatchObject({
        code: "validation_failed",
      });
    }
    // A cursor from another search is not accepted either.
    await expect(
      searchAssets(db, rep, { q: "tamarillo", sort: "newest", cursor: first.nextCursor! }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("links a thumbnail only when the current file has one", async () => {
    const db = handle.db;
    const plain = await createSearchAsset(db, ws, { title: "Ocelotine notes" });
    const withThumb = await createSearchAsset(db, ws, { title: "Ocelotine deck" });
    await db
      .update(files)
      .set({ thumbnailKey: "previews/x/thumb.webp" })
      .where(eq(files.id, await currentFileId(withThumb.id)));
    const items = (await searchAssets(db, rep, { q: "ocelotine" })).items;
    expect(items.find((i) => i.id === plain.id)!.thumbnailUrl).toBeNull();
    expect(items.find((i) => i.id === withThumb.id)!.thumbnailUrl).toBe(
      `/api/v1/assets/${withThumb.id}/thumbnail`,
    );
    expect(items[0]!.ownerName).toBe(ws.people.marketer.name);
  });
});

async function currentFileId(assetId: string) {
  const [row] = await handle.db
    .select({ fileId: assetVersions.fileId })
    .from(assets)
    .innerJoin(assetVersions, eq(assetVersions.id, assets.currentVersionId))
    .where(eq(assets.id, assetId));
  return row!.fileId;
}
