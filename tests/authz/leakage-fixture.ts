import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Database } from "@/db/client";
import { assetPartnerOrgs, assets, assetUsages, files, partnerOrgs, users } from "@/db/schema";
import { thumbnailKeyOf, previewPageKey } from "@/server/files/preview-keys";
import { getStorage } from "@/server/storage";
import { createApiToken } from "@/server/tokens/token-service";
import { pdfWith } from "../files/fixtures";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestWorkspace,
} from "../support/factories";

/**
 * Two workspaces with the same content: "home", where most roles live, and "other", with people of every
 * role too. Each role sees what its place in its own workspace allows there, and nothing of the other.
 */
export const tenants = ["home", "other"] as const;
export type Tenant = (typeof tenants)[number];

/** A role's place in its own workspace. */
type Place = "partnerLow" | "partnerHigh" | "partnerStrategic" | "rep" | "marketer" | "admin";

export const roles = [
  "anonymous",
  "partnerLow",
  "partnerHigh",
  "partnerStrategic",
  "rep",
  "marketer",
  "admin",
  "otherPartner",
  "otherRep",
  "otherMarketer",
  "otherAdmin",
] as const;
export type MatrixRole = (typeof roles)[number];
export type SignedInRole = Exclude<MatrixRole, "anonymous">;

export const tenancy: Record<SignedInRole, { tenant: Tenant; place: Place }> = {
  partnerLow: { tenant: "home", place: "partnerLow" },
  partnerHigh: { tenant: "home", place: "partnerHigh" },
  partnerStrategic: { tenant: "home", place: "partnerStrategic" },
  rep: { tenant: "home", place: "rep" },
  marketer: { tenant: "home", place: "marketer" },
  admin: { tenant: "home", place: "admin" },
  otherPartner: { tenant: "other", place: "partnerStrategic" },
  otherRep: { tenant: "other", place: "rep" },
  otherMarketer: { tenant: "other", place: "marketer" },
  otherAdmin: { tenant: "other", place: "admin" },
};

/** The role's own workspace (null for an anonymous caller) and its place there. */
export const tenantOf = (role: MatrixRole) => (role === "anonymous" ? null : tenancy[role].tenant);
export const placeOf = (role: MatrixRole) => (role === "anonymous" ? null : tenancy[role].place);
export const isPartner = (role: MatrixRole) => placeOf(role)?.startsWith("partner") ?? false;
/** Marketers and admins manage content, and only their own workspace's. */
export const managesContent = (role: MatrixRole) => placeOf(role) === "marketer" || placeOf(role) === "admin";

const internal: Place[] = ["rep", "marketer", "admin"];
const managers: Place[] = ["marketer", "admin"];

/**
 * Every asset of the matrix and who may see it in its workspace. Titles share the marker word so one search
 * finds them all (in both workspaces); every other word is unique to its asset, and the other workspace's
 * titles add one more word, so a leaked title is recognisable in any body.
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
} satisfies Record<string, { title: string; seenBy: Place[] }>;
export type AssetCase = keyof typeof assetCases;
export const assetKeys = Object.keys(assetCases) as AssetCase[];

export const dealCases = {
  repDeal: { seenBy: internal },
  lowDeal: { seenBy: [...internal, "partnerLow"] },
  strategicDeal: { seenBy: [...internal, "partnerStrategic"] },
} satisfies Record<string, { seenBy: Place[] }>;
export type DealCase = keyof typeof dealCases;
export const dealKeys = Object.keys(dealCases) as DealCase[];

export const titleOf = (tenant: Tenant, key: AssetCase) =>
  tenant === "home" ? assetCases[key].title : assetCases[key].title.replace("zircon ", "zircon obsidian ");

/** An asset or deal case in one of the workspaces; `label` names it in test titles. */
export interface Ref<K extends string> {
  tenant: Tenant;
  key: K;
  label: string;
}
export const assetRefs: Ref<AssetCase>[] = tenants.flatMap((tenant) =>
  assetKeys.map((key) => ({ tenant, key, label: `${tenant} ${key}` })),
);
export const dealRefs: Ref<DealCase>[] = tenants.flatMap((tenant) =>
  dealKeys.map((key) => ({ tenant, key, label: `${tenant} ${key}` })),
);

export const sees = (role: MatrixRole, ref: Ref<AssetCase>) =>
  tenantOf(role) === ref.tenant && (assetCases[ref.key].seenBy as Place[]).includes(placeOf(role)!);
export const seesDeal = (role: MatrixRole, ref: Ref<DealCase>) =>
  tenantOf(role) === ref.tenant && (dealCases[ref.key].seenBy as Place[]).includes(placeOf(role)!);

async function store(key: string, bytes: Uint8Array, type: string) {
  await getStorage().put(key, Readable.from(Buffer.from(bytes)), type);
}

/** One workspace's matrix content: the asset and deal cases, a strategic-tier org and its partner. */
async function seedTenant(db: Database, ws: TestWorkspace, tenant: Tenant) {
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
  for (const key of assetKeys) {
    const asset = await createTestAsset(db, ws, { ...spec[key], title: titleOf(tenant, key) });
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
  const people: Record<Place, { id: string }> = {
    partnerLow: ws.people.partnerLow,
    partnerHigh: ws.people.partnerHigh,
    partnerStrategic: strategicUser!,
    rep: ws.people.rep,
    marketer: ws.people.marketer,
    admin: ws.people.admin,
  };
  return { ws, strategicOrg: strategicOrg!, assetIds, versionIds, dealIds, people };
}

export async function buildLeakageFixture(db: Database) {
  const home = await seedTenant(db, await createTestWorkspace(db), "home");
  const other = await seedTenant(db, await createTestWorkspace(db), "other");
  const content: Record<Tenant, typeof home> = { home, other };

  const tokens = { anonymous: "" } as Record<MatrixRole, string>;
  const actors = {} as Record<SignedInRole, Awaited<ReturnType<TestWorkspace["actor"]>>>;
  for (const role of Object.keys(tenancy) as SignedInRole[]) {
    const { tenant, place } = tenancy[role];
    actors[role] = await content[tenant].ws.actor(content[tenant].people[place]);
    tokens[role] = (await createApiToken(db, actors[role], role)).secret;
  }

  const assetId = (ref: Ref<AssetCase>) => content[ref.tenant].assetIds[ref.key];
  const dealId = (ref: Ref<DealCase>) => content[ref.tenant].dealIds[ref.key];
  /** What no response to `role` may contain, each with what it is. */
  const hiddenFrom = (role: MatrixRole): [string, string][] => {
    const hidden: [string, string][] = [];
    for (const ref of assetRefs.filter((r) => !sees(role, r))) {
      hidden.push([titleOf(ref.tenant, ref.key), `the title of ${ref.label}`]);
      hidden.push([assetId(ref), `the id of ${ref.label}`]);
    }
    for (const ref of dealRefs.filter((r) => !seesDeal(role, r)))
      hidden.push([dealId(ref), `the id of ${ref.label}`]);
    // Nothing else of a workspace that is not the role's own either: its id, stages, tiers, orgs or people.
    for (const tenant of tenants.filter((t) => t !== tenantOf(role))) {
      const { ws, strategicOrg, people } = content[tenant];
      hidden.push([ws.workspace.id, `the ${tenant} workspace's id`]);
      for (const { id } of [...ws.stages, ...ws.tiers, ws.orgs.low, ws.orgs.high, strategicOrg])
        hidden.push([id, `an id of the ${tenant} workspace's taxonomy or partners`]);
      for (const [place, { id }] of Object.entries(people)) hidden.push([id, `the ${tenant} ${place}'s id`]);
    }
    return hidden;
  };

  return {
    ws: home.ws,
    other: other.ws,
    content,
    strategicOrg: home.strategicOrg,
    assetIds: home.assetIds,
    versionIds: home.versionIds,
    dealIds: home.dealIds,
    assetId,
    dealId,
    /** The workspace of the role, as a test workspace (stages, tiers, people). */
    wsOf: (role: SignedInRole) => content[tenancy[role].tenant].ws,
    /** The leaks in a response body (text, or anything JSON): what of the hidden markers appears. */
    leaksIn(role: MatrixRole, body: unknown): string[] {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      return hiddenFrom(role)
        .filter(([marker]) => text.includes(marker))
        .map(([, what]) => what);
    },
    tokens,
    actors,
    password: TEST_PASSWORD,
  };
}

export type LeakageFixture = Awaited<ReturnType<typeof buildLeakageFixture>>;
