/**
 * Loads the synthetic library (search-corpus.ts) into a migrated database through the real schema and the
 * real search triggers: per batch, files with their extracted text, then assets already pointing at their
 * version, stages and tags (the tag trigger indexes title, tags and description), then the versions (the
 * version trigger adds the body). Every GIN and trigram index of assets (the stemmed and exact words, the
 * head and title, the facet keys, the title's trigrams) is dropped for the load and rebuilt afterwards with
 * its own definition, which builds the same index far faster than incremental inserts; then VACUUM ANALYZE.
 */
import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  assetStages,
  assetTerms,
  assetVersions,
  assets,
  files,
  taxonomyTerms,
  users,
  workspaces,
} from "../../db/schema";
import type { AssetType } from "../../lib/assets";
import type { TaxonomyKind } from "../../lib/taxonomy";
import { createWorkspace } from "../../server/workspaces/create-workspace";
import { corpusAsset, MEAN_WORDS, taxonomy } from "./search-corpus";

const BATCH = 250;
const LOADERS = 2;
const DAY = 86_400_000;
const SEARCH_INDEXES = [
  "assets_search_vector_idx",
  "assets_search_exact_idx",
  "assets_search_head_idx",
  "assets_search_title_idx",
  "assets_search_rest_idx",
  "assets_facet_keys_idx",
];
const OWNERS = 40;

const mimeOf: Partial<Record<AssetType, [string, string]>> = {
  deck: ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
  talk_track: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  email_template: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  roi_model: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
  video: ["video/mp4", "mp4"],
};

/** The workspace name that marks a completely loaded library, so `--reuse` can trust it. */
export const libraryMarker = (count: number, seed: number, words: number) =>
  `Bench search: ${count} assets, seed ${seed}${words === MEAN_WORDS ? "" : `, ${words} words`}`;

export interface Library {
  workspaceId: string;
  stages: { id: string; name: string }[];
  terms: { id: string; kind: TaxonomyKind; name: string }[];
  repId: string;
}

/** The loaded library's ids, or null when the database holds no complete library of this size and seed. */
export async function findLibrary(
  db: Database,
  count: number,
  seed: number,
  words = MEAN_WORDS,
): Promise<Library | null> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select id from ${workspaces} where name = ${libraryMarker(count, seed, words)}`,
  );
  return rows[0] ? readLibrary(db, rows[0].id) : null;
}

async function readLibrary(db: Database, workspaceId: string): Promise<Library> {
  const stages = await db.execute<{ id: string; name: string }>(
    sql`select id, name from buying_stages where workspace_id = ${workspaceId} order by position`,
  );
  const terms = await db.execute<{ id: string; kind: TaxonomyKind; name: string }>(
    sql`select id, kind, name from ${taxonomyTerms} where workspace_id = ${workspaceId}`,
  );
  const rep = await db.execute<{ id: string }>(
    sql`select id from ${users} where workspace_id = ${workspaceId} and role = 'rep' limit 1`,
  );
  return { workspaceId, stages: stages.rows, terms: terms.rows, repId: rep.rows[0]!.id };
}

async function insertBatch(
  db: Database,
  ctx: {
    workspaceId: string;
    seed: number;
    words: number;
    ownerIds: string[];
    tierId: string;
    termId: Map<string, string>;
  },
  stageIds: string[],
  from: number,
  to: number,
): Promise<number> {
  const now = Date.now();
  const fileRows: (typeof files.$inferInsert)[] = [];
  const assetRows: (typeof assets.$inferInsert)[] = [];
  const versionRows: (typeof assetVersions.$inferInsert)[] = [];
  const stageRows: (typeof assetStages.$inferInsert)[] = [];
  const termRows: (typeof assetTerms.$inferInsert)[] = [];
  let words = 0;
  for (let i = from; i < to; i++) {
    const a = corpusAsset(ctx.seed, i, ctx.words);
    words += a.words;
    const [fileId, versionId, assetId] = [randomUUID(), randomUUID(), randomUUID()];
    const ownerId = ctx.ownerIds[a.ownerRank % ctx.ownerIds.length]!;
    const [mimeType, ext] = mimeOf[a.type] ?? ["application/pdf", "pdf"];
    const published = a.status === "published" || a.status === "archived";
    const publishedAt = new Date(now - a.publishedDaysAgo * DAY);
    fileRows.push({
      id: fileId,
      workspaceId: ctx.workspaceId,
      storageKey: `bench/${fileId}`,
      originalName: `${a.title.replace(/[^\w]+/g, "-").slice(0, 60)}.${ext}`,
      mimeType,
      sizeBytes: a.text.length * 6,
      sha256: createHash("sha256").update(`${ctx.seed}:${i}`).digest("hex"),
      processingState: "done",
      extractedText: a.text,
      pageCount: Math.ceil(a.words / 400),
      processedAt: publishedAt,
      uploadedById: ownerId,
      createdAt: publishedAt,
    });
    assetRows.push({
      id: assetId,
      workspaceId: ctx.workspaceId,
      type: a.type,
      title: a.title,
      description: a.description,
      ownerId,
      status: a.status,
      partnerAccess: a.partnerAccess,
      minPartnerTierId: a.partnerAccess === "tier" ? ctx.tierId : null,
      expiresAt: a.expiresInDays === null ? null : new Date(now - a.expiresInDays * DAY),
      currentVersionId: versionId,
      publishedAt: published ? publishedAt : null,
      archivedAt: a.status === "archived" ? new Date(now - Math.floor(a.publishedDaysAgo / 2) * DAY) : null,
      createdAt: new Date(publishedAt.getTime() - 3 * DAY),
      updatedAt: publishedAt,
    });
    versionRows.push({
      id: versionId,
      assetId,
      version: 1,
      fileId,
      createdById: ownerId,
      createdAt: publishedAt,
    });
    for (const s of a.stages) stageRows.push({ assetId, stageId: stageIds[s]! });
    for (const t of a.terms) termRows.push({ assetId, termId: ctx.termId.get(`${t.kind}:${t.name}`)! });
  }
  await db.transaction(async (tx) => {
    await tx.insert(files).values(fileRows);
    await tx.insert(assets).values(assetRows);
    await tx.insert(assetStages).values(stageRows);
    if (termRows.length) await tx.insert(assetTerms).values(termRows);
    await tx.insert(assetVersions).values(versionRows);
  });
  return words;
}

/**
 * Creates the workspace (default stages and tiers), its tags, 40 marketers who own the content, an admin
 * and a rep, then loads `count` assets, `LOADERS` batches at a time. Returns the library and the mean
 * extracted-text length in words.
 */
export async function seedLibrary(
  db: Database,
  count: number,
  seed: number,
  onProgress: (done: number) => void,
  meanWords = MEAN_WORDS,
): Promise<{ library: Library; meanWords: number }> {
  const { workspace, stages, tiers } = await createWorkspace(db, {
    name: "Bench search (loading)",
    slug: "bench-search",
  });
  const termInserts = Object.entries(taxonomy).flatMap(([kind, names]) =>
    names.map((name, position) => ({
      workspaceId: workspace.id,
      kind: kind as TaxonomyKind,
      name,
      position,
    })),
  );
  const termRows = await db.insert(taxonomyTerms).values(termInserts).returning();
  const people = [
    { email: "bench-admin@bench.test", name: "Bench Admin", role: "admin" as const },
    { email: "bench-rep@bench.test", name: "Bench Rep", role: "rep" as const },
    ...Array.from({ length: OWNERS }, (_, i) => ({
      email: `bench-marketer-${i + 1}@bench.test`,
      name: `Marketer ${String(i + 1).padStart(2, "0")}`,
      role: "marketer" as const,
    })),
  ];
  const userRows = await db
    .insert(users)
    .values(people.map((p) => ({ ...p, workspaceId: workspace.id })))
    .returning();
  const ctx = {
    workspaceId: workspace.id,
    seed,
    words: meanWords,
    ownerIds: userRows.filter((u) => u.role === "marketer").map((u) => u.id),
    tierId: tiers[1]!.id,
    termId: new Map(termRows.map((t) => [`${t.kind}:${t.name}`, t.id])),
  };

  const { rows: found } = await db.execute<{ indexname: string; indexdef: string }>(
    sql`select indexname, indexdef from pg_indexes where tablename = 'assets' and indexname in ${sql.raw(`('${SEARCH_INDEXES.join("','")}')`)}`,
  );
  // In SEARCH_INDEXES' order, so the two largest (the stemmed and the exact words) build side by side.
  const indexDefs = SEARCH_INDEXES.flatMap((name) => found.filter((f) => f.indexname === name));
  for (const name of SEARCH_INDEXES) await db.execute(sql.raw(`drop index if exists ${name}`));

  let next = 0;
  let done = 0;
  let words = 0;
  // The triggers' statements are planned once per connection and kept (PL/pgSQL caches them) until the
  // tables' statistics change. Planned against the empty tables of the first batch, the version trigger's
  // join read the whole of assets once per batch: the load slowed down as the library grew (255 s for the
  // first 100,000 assets, 353 s for the second), and a server without autovacuum never re-planned it.
  // ANALYZE each time the library has doubled keeps the statistics (and so the plans) within a factor two.
  let analyzeAt = BATCH * LOADERS * 2;
  const loader = async () => {
    while (next < count) {
      const from = next;
      const to = Math.min(count, from + BATCH);
      next = to;
      const batchWords = await insertBatch(
        db,
        ctx,
        stages.map((s) => s.id),
        from,
        to,
      );
      words += batchWords;
      done += to - from;
      if (done >= analyzeAt) {
        analyzeAt *= 2;
        await db.execute(sql`analyze ${assets}, ${files}, ${assetVersions}, ${assetStages}, ${assetTerms}`);
      }
      onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: LOADERS }, loader));

  // GIN indexes build on one core each: the definitions are shared out between LOADERS connections (CREATE
  // INDEX takes a SHARE lock, which does not conflict with another's).
  await Promise.all(
    Array.from({ length: LOADERS }, (_, i) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
        for (const { indexdef } of indexDefs.filter((_, j) => j % LOADERS === i))
          await tx.execute(sql.raw(indexdef));
      }),
    ),
  );
  await db.execute(
    sql`update ${workspaces} set name = ${libraryMarker(count, seed, meanWords)} where id = ${workspace.id}`,
  );
  await db.execute(sql`vacuum analyze`);
  return { library: await readLibrary(db, workspace.id), meanWords: words / count };
}
