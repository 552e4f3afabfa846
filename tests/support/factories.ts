import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  assetStages,
  assetVersions,
  assets,
  deals,
  dealStageHistory,
  files,
  partnerOrgs,
  users,
} from "@/db/schema";
import type { AssetStatus, AssetType } from "@/lib/assets";
import type { Role } from "@/lib/roles";
import { loadActor, type Actor } from "@/server/authz/actor";
import { hashPassword } from "@/server/auth/password";
import { createWorkspace } from "@/server/workspaces/create-workspace";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;

/** A fresh workspace with one user per role and partner orgs at the lowest and highest tier. */
export async function createTestWorkspace(db: Database) {
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const { workspace, stages, tiers } = await createWorkspace(db, { name: `Test ${slug}`, slug });
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const [lowOrg, highOrg] = await db
    .insert(partnerOrgs)
    .values([
      { workspaceId: workspace.id, name: "Registered Co", tierId: tiers[0]!.id, region: "EMEA" },
      { workspaceId: workspace.id, name: "Platinum Co", tierId: tiers[3]!.id, region: "EMEA" },
    ])
    .returning();
  const mk = async (role: Role, extra: { partnerOrgId?: string } = {}) => {
    const [u] = await db
      .insert(users)
      .values({
        workspaceId: workspace.id,
        email: `${role}-${randomUUID().slice(0, 8)}@${slug}.test`,
        name: `${role} ${slug}`,
        role,
        passwordHash,
        partnerOrgId: extra.partnerOrgId ?? null,
      })
      .returning();
    return u!;
  };
  const people = {
    admin: await mk("admin"),
    marketer: await mk("marketer"),
    rep: await mk("rep"),
    otherRep: await mk("rep"),
    partnerLow: await mk("partner", { partnerOrgId: lowOrg!.id }),
    partnerHigh: await mk("partner", { partnerOrgId: highOrg!.id }),
  };
  const actor = async (user: { id: string }): Promise<Actor> => (await loadActor(db, user.id))!;
  return { workspace, stages, tiers, orgs: { low: lowOrg!, high: highOrg! }, people, actor };
}

export type TestWorkspace = Awaited<ReturnType<typeof createTestWorkspace>>;

/** An asset row with a (not stored) file, for tests that need assets but not upload. */
export async function createTestAsset(
  db: Database,
  ws: TestWorkspace,
  opts: {
    title?: string;
    type?: AssetType;
    status?: AssetStatus;
    stageIds?: string[];
    partnerAccess?: "none" | "all" | "tier" | "orgs";
    minPartnerTierId?: string;
    expiresAt?: Date;
    /** A paged document whose page images are rendered (the buyer's page shows them). */
    pages?: number;
  } = {},
) {
  const [file] = await db
    .insert(files)
    .values({
      workspaceId: ws.workspace.id,
      storageKey: `ws/${ws.workspace.id}/files/${randomUUID()}`,
      originalName: "test.pdf",
      mimeType: "application/pdf",
      sizeBytes: 10,
      sha256: randomUUID().replaceAll("-", ""),
      processingState: "done",
      ...(opts.pages ? { pageCount: opts.pages, previewPageCount: opts.pages } : {}),
    })
    .returning();
  const [asset] = await db
    .insert(assets)
    .values({
      workspaceId: ws.workspace.id,
      type: opts.type ?? "case_study",
      title: opts.title ?? `Asset ${randomUUID().slice(0, 6)}`,
      ownerId: ws.people.marketer.id,
      status: opts.status ?? "published",
      partnerAccess: opts.partnerAccess ?? "none",
      minPartnerTierId: opts.minPartnerTierId ?? null,
      expiresAt: opts.expiresAt ?? null,
    })
    .returning();
  const [version] = await db
    .insert(assetVersions)
    .values({ assetId: asset!.id, version: 1, fileId: file!.id })
    .returning();
  await db.update(assets).set({ currentVersionId: version!.id }).where(eq(assets.id, asset!.id));
  const stageIds = opts.stageIds ?? [ws.stages[1]!.id];
  await db.insert(assetStages).values(stageIds.map((stageId) => ({ assetId: asset!.id, stageId })));
  return { ...asset!, currentVersionId: version!.id };
}

export async function createTestDeal(
  db: Database,
  ws: TestWorkspace,
  opts: { ownerId?: string; stageId?: string; partnerOrgId?: string; amountMinor?: number } = {},
) {
  const stageId = opts.stageId ?? ws.stages[1]!.id;
  const [deal] = await db
    .insert(deals)
    .values({
      workspaceId: ws.workspace.id,
      name: `Deal ${randomUUID().slice(0, 6)}`,
      accountName: "Harborview Medical",
      amountMinor: opts.amountMinor ?? 5_000_000,
      stageId,
      ownerId: opts.ownerId ?? ws.people.rep.id,
      partnerOrgId: opts.partnerOrgId ?? null,
    })
    .returning();
  await db.insert(dealStageHistory).values({ dealId: deal!.id, toStageId: stageId, status: "open" });
  return deal!;
}
