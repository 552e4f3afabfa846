import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Database } from "@/db/client";
import { assetPartnerOrgs, assets, assetUsages, files, partnerOrgs, users } from "@/db/schema";
import { thumbnailKeyOf, previewPageKey } from "@/server/files/preview-keys";
import { getStorage } from "@/server/storage";
import { createApiToken } from "@/server/tokens/token-service";
import { pdfWith } from "../files/fixtures";
import { createTestAsset, createTestDeal, createTestWorkspace, TEST_PASSWORD } from "../support/factories";

export const roles = [
  "anonymous",
  "partnerLow",
  "partnerHigh",
  "partnerStrategic",
  "rep",
  "marketer",
  "admin",
  "otherAdmin",
] as const;
export type MatrixRole = (typeof roles)[number];

const internal: MatrixRole[] = ["rep", "marketer", "admin"];
const managers: MatrixRole[] = ["marketer", "admin"];

/**
 * Every asset of the matrix and who may see it. Titles share the marker word so one search finds them all;
 * every other word is unique to its asset, so a leaked title is recognisable in any body.
 */
export const assetCases = {
  internal: { title: "zircon internal pricing ladder", seenBy: internal },
  allPartners: {
    title: "zircon partner overview deck",
    seenBy: [...internal, "partnerLow", "partnerHigh", "partnerStrategic"],
  },
  goldPlus: {
    title: "zircon gold competitive brief",
    seenBy: [...internal, "partnerHigh", "partnerStrategic"],
  },
  strategicKit: { title: "zircon comarketing kit", seenBy: [...internal, "partnerStrategic"] },
  apacOnly: { title: "zircon apac launch plan", seenBy: internal },
  draft: { title: "zircon unreleased roadmap", seenBy: managers },
  expired: { title: "zircon lapsed promotion", seenBy: managers },
} satisfies Record<string, { title: string; seenBy: MatrixRole[] }>;
export type AssetCase = keyof typeof assetCases;

export const dealCases = {
  repDeal: { seenBy: internal },
  lowDeal: { seenBy: [...internal, "partnerLow"] },
  strategicDeal: { seenBy: [...internal, "partnerStrategic"] },
} satisfies Record<string, { seenBy: MatrixRole[] }>;
export type DealCase = keyof typeof dealCases;

async function store(key: string, bytes: Uint8Array, type: string) {
  await getStorage().put(key, Readable.from(Buffer.from(bytes)), type);
}

export async function buildLeakageFixture(db: Database) {
  const ws = await createTestWorkspace(db);
  const other = await createTestWorkspace(db);
  const [strategicOrg] = await db
    .insert(partnerOrgs)
    .values({ workspaceId: ws.workspace.id, name: "Strategic Co", tierId: ws.tiers[2]!.id, region: "EMEA" })
    .returning();
  const [strategicUser] = await db
    .insert(users)
    .values({
      workspaceId: ws.workspace.id,
      email: `strategic-${ws.workspace.slug}@partner.test`,
      name: "Strategic Partner",
      role: "partner",
      partnerOrgId: strategicOrg!.id,
      passwordHash: (await db.select().from(users).where(eq(users.id, ws.people.partnerLow.id)))[0]!
        .passwordHash,
    })
    .returning();

  const pdf = await pdfWith("matrix file body");
  const webp = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#888" } })
    .webp()
    .toBuffer();
  const spec: Record<AssetCase, Parameters<typeof createTestAsset>[2]> = {
    internal: {},
    allPartners: { partnerAccess: "all" },
    goldPlus: { partnerAccess: "tier", minPartnerTierId: ws.tiers[2]!.id },
    strategicKit: { partnerAccess: "orgs" },
    apacOnly: { partnerAccess: "all" },
    draft: { partnerAccess: "all", status: "draft" },
    expired: { partnerAccess: "all", expiresAt: new Date(Date.now() - 86_400_000) },
  };
  const assetIds = {} as Record<AssetCase, string>;
  const versionIds = {} as Record<AssetCase, string>;
  for (const key of Object.keys(assetCases) as AssetCase[]) {
    const asset = await createTestAsset(db, ws, { ...spec[key], title: assetCases[key].title });
    assetIds[key] = asset.id;
    versionIds[key] = asset.currentVersionId;
  }
  // Real bytes behind every file: the PDF, its thumbnail and one rendered page.
  const fileRows = await db.select().from(files).where(eq(files.workspaceId, ws.workspace.id));
  for (const f of fileRows) {
    await store(f.storageKey, pdf, "application/pdf");
    await store(thumbnailKeyOf(f.id), webp, "image/webp");
    await store(previewPageKey(f.id, 1), webp, "image/webp");
    await db
      .update(files)
      .set({ thumbnailKey: thumbnailKeyOf(f.id), previewPageCount: 1, sizeBytes: pdf.byteLength })
      .where(eq(files.id, f.id));
  }
  await db
    .insert(assetPartnerOrgs)
    .values({ assetId: assetIds.strategicKit, partnerOrgId: strategicOrg!.id });
  await db.update(assets).set({ partnerRegion: "APAC" }).where(eq(assets.id, assetIds.apacOnly));

  const dealIds: Record<DealCase, string> = {
    repDeal: (await createTestDeal(db, ws)).id,
    lowDeal: (
      await createTestDeal(db, ws, { ownerId: ws.people.partnerLow.id, partnerOrgId: ws.orgs.low.id })
    ).id,
    strategicDeal: (
      await createTestDeal(db, ws, { ownerId: strategicUser!.id, partnerOrgId: strategicOrg!.id })
    ).id,
  };
  // An admin logged internal-only content on partner deals: the partners must still not see it.
  for (const dealId of [dealIds.lowDeal, dealIds.strategicDeal]) {
    await db.insert(assetUsages).values({
      workspaceId: ws.workspace.id,
      assetId: assetIds.internal,
      dealId,
      stageId: ws.stages[1]!.id,
      actorId: ws.people.admin.id,
    });
  }

  const people: Record<Exclude<MatrixRole, "anonymous">, { id: string }> = {
    partnerLow: ws.people.partnerLow,
    partnerHigh: ws.people.partnerHigh,
    partnerStrategic: strategicUser!,
    rep: ws.people.rep,
    marketer: ws.people.marketer,
    admin: ws.people.admin,
    otherAdmin: other.people.admin,
  };
  const tokens = { anonymous: "" } as Record<MatrixRole, string>;
  const actors = {} as Record<Exclude<MatrixRole, "anonymous">, Awaited<ReturnType<typeof ws.actor>>>;
  for (const [role, user] of Object.entries(people) as [Exclude<MatrixRole, "anonymous">, { id: string }][]) {
    actors[role] = await ws.actor(user);
    tokens[role] = (await createApiToken(db, actors[role], role)).secret;
  }
  return {
    ws,
    other,
    strategicOrg: strategicOrg!,
    assetIds,
    versionIds,
    dealIds,
    tokens,
    actors,
    password: TEST_PASSWORD,
  };
}

export type LeakageFixture = Awaited<ReturnType<typeof buildLeakageFixture>>;
