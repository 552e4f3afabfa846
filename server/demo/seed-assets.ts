import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { Database } from "@/db/client";
import { assetPartnerOrgs, assetStages, assetTerms, assetVersions, assets, files } from "@/db/schema";
import type { StorageDriver } from "@/server/storage";
import { stagesByType, type StageName } from "@/db/seed/catalogue";
import type { AssetDraft } from "@/db/seed/content";
import { makeMarkdown, makePdf, makeRoiWorkbook, makeTalkTrackDocx } from "@/db/seed/documents";
import type { Random } from "@/db/seed/random";

const DAY = 86_400_000;

export interface SeedContext {
  db: Database;
  storage: StorageDriver;
  r: Random;
  workspaceId: string;
  now: number;
  stageIds: Record<StageName, string>;
  termIds: Map<string, string>;
  tierIds: Record<string, string>;
  orgIds: Record<string, string>;
  marketerIds: string[];
}

export interface SeededAsset {
  id: string;
  versionId: string;
  type: string;
  status: string;
  stageNames: StageName[];
  industry?: string;
  competitor?: string;
  publishedAt: number;
}

async function renderFile(draft: AssetDraft, r: Random) {
  const slug = draft.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  switch (draft.type) {
    case "roi_model":
      return {
        name: `${slug}.xlsx`,
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        bytes: await makeRoiWorkbook(draft.title, draft.industry ?? "All industries", [
          { label: "Analysts and finance staff", value: r.int(8, 120) },
          { label: "Loaded annual cost per person (USD)", value: r.int(70, 140) * 1000 },
          { label: "Legacy warehouse licences (USD / year)", value: r.int(50, 400) * 1000 },
          { label: "Northwind subscription (USD / year)", value: r.int(60, 250) * 1000 },
        ]),
      };
    case "talk_track":
      return {
        name: `${slug}.docx`,
        mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        bytes: await makeTalkTrackDocx(draft.title, draft.sections),
      };
    case "email_template":
    case "video":
      return { name: `${slug}.md`, mime: "text/markdown", bytes: makeMarkdown(draft.title, draft.sections) };
    default:
      return {
        name: `${slug}.pdf`,
        mime: "application/pdf",
        bytes: await makePdf(draft.title, draft.sections),
      };
  }
}

/** Stores each draft's real file and inserts the asset, its versions, stages, tags and partner access. */
export async function seedAssets(ctx: SeedContext, drafts: AssetDraft[]): Promise<SeededAsset[]> {
  const { db, r, now } = ctx;
  const seeded: SeededAsset[] = [];
  const rows = {
    files: [] as (typeof files.$inferInsert)[],
    assets: [] as (typeof assets.$inferInsert)[],
    versions: [] as (typeof assetVersions.$inferInsert)[],
    stages: [] as (typeof assetStages.$inferInsert)[],
    terms: [] as (typeof assetTerms.$inferInsert)[],
    orgs: [] as (typeof assetPartnerOrgs.$inferInsert)[],
  };

  for (const [i, draft] of drafts.entries()) {
    const assetId = randomUUID();
    const createdAt = now - r.int(30, 360) * DAY;
    const roll = r.next();
    const status = roll < 0.06 ? "draft" : roll < 0.1 ? "in_review" : roll < 0.14 ? "archived" : "published";
    const publishedAt = createdAt + r.int(1, 10) * DAY;
    const stageNames: StageName[] = r.pick(stagesByType[draft.type] ?? [["Discovery"]]);
    const versionCount = i % 9 === 0 ? 2 : 1;
    let versionId = "";
    for (let v = 1; v <= versionCount; v++) {
      const sections =
        v === versionCount
          ? draft.sections
          : [
              { heading: "Earlier edition", paragraphs: [`${draft.title}, first edition.`] },
              ...draft.sections,
            ];
      const file = await renderFile({ ...draft, sections }, r);
      const fileId = randomUUID();
      const storageKey = `ws/${ctx.workspaceId}/files/${fileId}`;
      await ctx.storage.put(storageKey, Readable.from(file.bytes), file.mime);
      rows.files.push({
        id: fileId,
        workspaceId: ctx.workspaceId,
        storageKey,
        originalName: file.name,
        mimeType: file.mime,
        sizeBytes: file.bytes.length,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        // Left pending: the server's worker extracts text and renders previews with the real pipeline.
        processingState: "pending",
        createdAt: new Date(createdAt + (v - 1) * 20 * DAY),
      });
      versionId = randomUUID();
      rows.versions.push({
        id: versionId,
        assetId,
        version: v,
        fileId,
        note: v > 1 ? "Refreshed numbers for this quarter" : "",
        createdAt: new Date(createdAt + (v - 1) * 20 * DAY),
      });
    }
    const partnerRoll = r.next();
    const partnerAccess =
      draft.type === "battlecard" || draft.type === "competitive_brief"
        ? partnerRoll < 0.4
          ? "tier"
          : "none"
        : partnerRoll < 0.25
          ? "all"
          : partnerRoll < 0.3
            ? "tier"
            : "none";
    const expired = status === "published" && i % 23 === 5;
    rows.assets.push({
      id: assetId,
      workspaceId: ctx.workspaceId,
      type: draft.type,
      title: draft.title,
      description: draft.description,
      ownerId: ctx.marketerIds[i % ctx.marketerIds.length]!,
      status,
      partnerAccess,
      minPartnerTierId:
        partnerAccess === "tier" ? ctx.tierIds[draft.type === "battlecard" ? "Platinum" : "Gold"]! : null,
      currentVersionId: versionId,
      expiresAt: expired
        ? new Date(now - r.int(3, 40) * DAY)
        : i % 7 === 0
          ? new Date(now + r.int(20, 200) * DAY)
          : null,
      reviewBy: i % 6 === 0 ? new Date(now + r.int(-10, 30) * DAY) : null,
      publishedAt: status === "published" || status === "archived" ? new Date(publishedAt) : null,
      archivedAt: status === "archived" ? new Date(Math.min(publishedAt + 60 * DAY, now)) : null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(publishedAt),
    });
    for (const s of stageNames) rows.stages.push({ assetId, stageId: ctx.stageIds[s] });
    for (const term of [draft.product, draft.persona, draft.industry, draft.competitor, draft.region]) {
      const termId = term ? ctx.termIds.get(term) : undefined;
      if (termId) rows.terms.push({ assetId, termId });
    }
    seeded.push({
      id: assetId,
      versionId,
      type: draft.type,
      status,
      stageNames,
      industry: draft.industry,
      competitor: draft.competitor,
      publishedAt: expired ? Infinity : publishedAt,
    });
  }

  // The strategic partner's co-marketing kit: visible to Brightpath only.
  const kitId = randomUUID();
  const kit = await makePdf("Brightpath x Northwind co-marketing kit", [
    {
      heading: "Joint messaging",
      paragraphs: [
        "Brightpath Consulting delivers Northwind Data Platform implementations in 8 weeks, backed by a joint success guarantee.",
      ],
    },
    {
      heading: "Campaign assets",
      paragraphs: [
        "Co-branded webinar invitation, two email sequences and a joint customer story with Harborview Medical.",
      ],
    },
  ]);
  const kitFileId = randomUUID();
  const kitKey = `ws/${ctx.workspaceId}/files/${kitFileId}`;
  await ctx.storage.put(kitKey, Readable.from(kit), "application/pdf");
  const kitVersion = randomUUID();
  rows.files.push({
    id: kitFileId,
    workspaceId: ctx.workspaceId,
    storageKey: kitKey,
    originalName: "brightpath-co-marketing-kit.pdf",
    mimeType: "application/pdf",
    sizeBytes: kit.length,
    sha256: createHash("sha256").update(kit).digest("hex"),
    processingState: "pending",
  });
  rows.versions.push({ id: kitVersion, assetId: kitId, version: 1, fileId: kitFileId });
  rows.assets.push({
    id: kitId,
    workspaceId: ctx.workspaceId,
    type: "other",
    title: "Brightpath x Northwind co-marketing kit",
    description: "Joint campaign kit for our strategic partner Brightpath Consulting.",
    ownerId: ctx.marketerIds[2]!,
    status: "published",
    partnerAccess: "orgs",
    currentVersionId: kitVersion,
    publishedAt: new Date(now - 20 * DAY),
    createdAt: new Date(now - 25 * DAY),
    updatedAt: new Date(now - 20 * DAY),
  });
  rows.stages.push({ assetId: kitId, stageId: ctx.stageIds.Awareness });
  rows.orgs.push({ assetId: kitId, partnerOrgId: ctx.orgIds["Brightpath Consulting"]! });

  await db.transaction(async (tx) => {
    for (const [table, values] of [
      [files, rows.files],
      [assets, rows.assets],
      [assetVersions, rows.versions],
      [assetStages, rows.stages],
      [assetTerms, rows.terms],
      [assetPartnerOrgs, rows.orgs],
    ] as const) {
      for (let i = 0; i < values.length; i += 500)
        await tx.insert(table).values(values.slice(i, i + 500) as never);
    }
  });
  return seeded;
}
