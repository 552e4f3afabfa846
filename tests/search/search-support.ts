import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetTerms, assetVersions, assets, files, taxonomyTerms } from "@/db/schema";
import type { SearchInput } from "@/lib/schemas/search";
import type { TaxonomyKind } from "@/lib/taxonomy";
import type { Actor } from "@/server/authz/actor";
import type { SearchOptions } from "@/server/search/prepare-search";
import { searchAssets, type SearchResult } from "@/server/search/search-assets";
import { createTestAsset, type TestWorkspace } from "../support/factories";

/** An asset with a description, tags and (optionally) extracted file text, through the real triggers. */
export async function createSearchAsset(
  db: Database,
  ws: TestWorkspace,
  opts: Parameters<typeof createTestAsset>[2] & {
    description?: string;
    body?: string;
    termIds?: string[];
    publishedAt?: Date;
  } = {},
) {
  const asset = await createTestAsset(db, ws, opts);
  await db
    .update(assets)
    .set({ description: opts.description ?? "", publishedAt: opts.publishedAt ?? new Date() })
    .where(eq(assets.id, asset.id));
  if (opts.body !== undefined) await setExtractedText(db, asset.id, opts.body);
  if (opts.termIds?.length) {
    await db.insert(assetTerms).values(opts.termIds.map((termId) => ({ assetId: asset.id, termId })));
  }
  return asset;
}

/** What the processing job does when text extraction finishes. */
export async function setExtractedText(db: Database, assetId: string, text: string) {
  const [version] = await db
    .select({ fileId: assetVersions.fileId })
    .from(assets)
    .innerJoin(assetVersions, eq(assetVersions.id, assets.currentVersionId))
    .where(eq(assets.id, assetId));
  await db.update(files).set({ extractedText: text }).where(eq(files.id, version!.fileId));
}

export async function createTerm(db: Database, ws: TestWorkspace, kind: TaxonomyKind, name: string) {
  const [term] = await db
    .insert(taxonomyTerms)
    .values({ workspaceId: ws.workspace.id, kind, name })
    .returning();
  return term!;
}

/**
 * Every page of a search, following its cursors (from `first`, a page already read, when given): the pages
 * and their items' ids in order. Stops at 30 pages, so a cursor that never ends fails the test instead of hanging.
 */
export async function searchEveryPage(
  db: Database,
  actor: Actor,
  input: SearchInput,
  opts: SearchOptions,
  first?: SearchResult,
) {
  const pages = [first ?? (await searchAssets(db, actor, input, opts))];
  for (let cursor = pages[0]!.nextCursor; cursor && pages.length < 30; cursor = pages.at(-1)!.nextCursor) {
    pages.push(await searchAssets(db, actor, { ...input, cursor }, opts));
  }
  return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
}

/** A search cursor's body, as the API encodes it (base64url JSON), for tests that look inside or forge one. */
export const cursorBody = (cursor: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Record<string, unknown>;
