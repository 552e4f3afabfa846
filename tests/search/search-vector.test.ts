import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetTerms, assetVersions, assets, files, workspaces } from "@/db/schema";
import type { Actor } from "@/server/authz/actor";
import { searchAssets } from "@/server/search/search-assets";
import { renameTerm } from "@/server/taxonomy/term-services";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset, createTerm, setExtractedText } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
});
afterAll(() => handle.close());

async function hits(q: string) {
  return (await searchAssets(handle.db, rep, { q })).items.map((i) => i.id);
}

async function vectorOf(assetId: string) {
  const [row] = await handle.db
    .select({ v: sql<string>`${assets.searchVector}::text` })
    .from(assets)
    .where(eq(assets.id, assetId));
  return row!.v;
}

describe("assets.search_vector triggers", () => {
  it("picks up extracted text when the processing job stores it", async () => {
    const asset = await createSearchAsset(handle.db, ws, { title: "Processing pending" });
    expect(await vectorOf(asset.id)).not.toContain("xylophonic");
    await setExtractedText(handle.db, asset.id, "Page one mentions the xylophonic integration.");
    expect(await vectorOf(asset.id)).toContain("'xylophon'");
    const [item] = (await searchAssets(handle.db, rep, { q: "xylophonic" })).items;
    expect(item!.id).toBe(asset.id);
    expect(item!.snippet).toContain("«xylophonic»");
  });

  it("follows tags being added, renamed and removed", async () => {
    const db = handle.db;
    const term = await createTerm(db, ws, "competitor", "Brontosoft");
    const asset = await createSearchAsset(db, ws, { title: "Competitive notes", termIds: [term.id] });
    expect(await vectorOf(asset.id)).toMatch(/'brontosoft':\d+B/);
    await renameTerm(db, await ws.actor(ws.people.marketer), { termId: term.id, name: "Pterasoft" });
    expect(await vectorOf(asset.id)).not.toContain("brontosoft");
    expect(await vectorOf(asset.id)).toMatch(/'pterasoft':\d+B/);
    expect(await hits("pterasoft")).toEqual([asset.id]);
    await db.delete(assetTerms).where(and(eq(assetTerms.assetId, asset.id), eq(assetTerms.termId, term.id)));
    expect(await vectorOf(asset.id)).not.toContain("pterasoft");
  });

  it("follows title and description edits and a new current version", async () => {
    const db = handle.db;
    const asset = await createSearchAsset(db, ws, { title: "Old heading", body: "first file gnomonic" });
    await db
      .update(assets)
      .set({ title: "Heliotropic heading", description: "Now about the ziggurat" })
      .where(eq(assets.id, asset.id));
    const v = await vectorOf(asset.id);
    expect(v).toMatch(/'heliotrop':\d+A/);
    expect(v).toMatch(/'ziggurat':\d+C/);
    // Weight D is the default, which tsvector's text form leaves unmarked.
    expect(v).toMatch(/'gnomon':\d+( |$)/);

    const [file] = await db
      .insert(files)
      .values({
        workspaceId: ws.workspace.id,
        storageKey: `ws/${ws.workspace.id}/files/${randomUUID()}`,
        originalName: "v2.pdf",
        mimeType: "application/pdf",
        sizeBytes: 1,
        sha256: randomUUID(),
        extractedText: "second file palimpsest",
      })
      .returning();
    const [version] = await db
      .insert(assetVersions)
      .values({ assetId: asset.id, version: 2, fileId: file!.id })
      .returning();
    await db.update(assets).set({ currentVersionId: version!.id }).where(eq(assets.id, asset.id));
    expect(await vectorOf(asset.id)).toContain("'palimpsest'");
    expect(await vectorOf(asset.id)).not.toContain("gnomon");
  });

  it("re-stems a workspace's assets when its search language changes", async () => {
    const db = handle.db;
    const asset = await createSearchAsset(db, ws, { title: "Running meetings" });
    expect(await vectorOf(asset.id)).toMatch(/'run':\d+A/);
    await db.update(workspaces).set({ searchLanguage: "german" }).where(eq(workspaces.id, ws.workspace.id));
    expect(await vectorOf(asset.id)).not.toMatch(/'run':\d+A/);
    await db.update(workspaces).set({ searchLanguage: "english" }).where(eq(workspaces.id, ws.workspace.id));
    expect(await vectorOf(asset.id)).toMatch(/'run':\d+A/);
  });

  it("keeps search_head as the same document without the file text, through tag and text changes", async () => {
    const db = handle.db;
    const term = await createTerm(db, ws, "industry", "Quokkaland");
    const asset = await createSearchAsset(db, ws, {
      title: "Marsupial handbook",
      description: "About the wallaby",
      body: "the body mentions a numbat",
      termIds: [term.id],
    });
    await setExtractedText(db, asset.id, "the body now mentions a bilby");
    const [row] = await db
      .select({
        head: sql<string>`${assets.searchHead}::text`,
        full: sql<string>`${assets.searchVector}::text`,
        same: sql<boolean>`${assets.searchVector} = ${assets.searchHead} || setweight(to_tsvector('english', 'the body now mentions a bilby'), 'D')`,
      })
      .from(assets)
      .where(eq(assets.id, asset.id));
    expect(row!.head).toMatch(/'marsupi':\d+A/);
    expect(row!.head).toMatch(/'quokkaland':\d+B/);
    expect(row!.head).toMatch(/'wallabi':\d+C/);
    expect(row!.head).not.toContain("bilbi");
    expect(row!.full).toContain("'bilbi'");
    expect(row!.same).toBe(true);
  });

  it("stays writable with a huge extracted text of unique words", async () => {
    const asset = await createSearchAsset(handle.db, ws, { title: "Huge file" });
    const text = Array.from({ length: 150_000 }, (_, i) => `tok${i.toString(36)}x`).join(" ");
    await setExtractedText(handle.db, asset.id, text);
    expect(await vectorOf(asset.id)).toContain("'tok0x'");
  });
});
