import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { partnerOrgs, taxonomyTerms, users, workspaces } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import type { StorageDriver } from "@/server/storage";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { lossReasonsOf } from "@/server/deals/deal-queries";
import { stageNames, taxonomy, type StageName } from "@/db/seed/catalogue";
import { draftAssets } from "@/db/seed/content";
import { DEMO_PASSWORD, demoAccounts, partnerOrgSpecs } from "@/db/seed/people";
import { createRandom } from "@/db/seed/random";
import { seedAssets, type SeedContext } from "./seed-assets";
import { seedDeals } from "./seed-deals";
import { seedFeedback } from "./seed-feedback";
import { seedPlays } from "./seed-plays";
import { seedRequests } from "./seed-requests";

export { DEMO_PASSWORD, demoAccounts } from "@/db/seed/people";

export async function hasAnyWorkspace(db: Database): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(workspaces)
    .limit(1);
  return rows.length > 0;
}

/** Creates the Northwind Cloud demo workspace: people, partners, ~150 real files, ~400 deals with outcomes. */
export async function seedDemoWorkspace(
  db: Database,
  storage: StorageDriver,
  opts: { seed?: number; now?: number } = {},
) {
  const r = createRandom(opts.seed ?? 20261123);
  const now = opts.now ?? Date.now();
  const { workspace, stages, tiers } = await createWorkspace(db, {
    name: "Northwind Cloud",
    slug: "northwind",
  });

  const termRows = await db
    .insert(taxonomyTerms)
    .values(
      (Object.entries(taxonomy) as [keyof typeof taxonomy, readonly string[]][]).flatMap(([kind, names]) =>
        names.map((name, position) => ({ workspaceId: workspace.id, kind, name, position })),
      ),
    )
    .returning();
  const tierIds = Object.fromEntries(tiers.map((t) => [t.name, t.id]));
  const orgs = await db
    .insert(partnerOrgs)
    .values(
      partnerOrgSpecs.map((o) => ({
        workspaceId: workspace.id,
        name: o.name,
        tierId: tierIds[o.tier]!,
        region: o.region,
      })),
    )
    .returning();
  const orgIds = Object.fromEntries(orgs.map((o) => [o.name, o.id]));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = await db
    .insert(users)
    .values(
      demoAccounts.map((a) => ({
        workspaceId: workspace.id,
        email: a.email,
        name: a.name,
        role: a.role,
        team: a.team ?? null,
        partnerOrgId: a.org ? orgIds[a.org]! : null,
        channelManager: a.channelManager ?? false,
        passwordHash,
      })),
    )
    .returning();

  const ctx: SeedContext = {
    db,
    storage,
    r,
    workspaceId: workspace.id,
    now,
    stageIds: Object.fromEntries(
      stageNames.map((name) => [name, stages.find((s) => s.name === name)!.id]),
    ) as Record<StageName, string>,
    termIds: new Map(termRows.map((t) => [t.name, t.id])),
    tierIds,
    orgIds,
    marketerIds: people.filter((p) => p.role === "marketer").map((p) => p.id),
  };
  const seededAssets = await seedAssets(ctx, draftAssets(r));
  const dealSummary = await seedDeals(ctx, seededAssets, {
    repIds: people.filter((p) => p.role === "rep").map((p) => p.id),
    partnerUsers: people
      .filter((p) => p.role === "partner")
      .map((p) => ({ id: p.id, orgId: p.partnerOrgId! })),
    lossReasonIds: (await lossReasonsOf(db, workspace.id)).map((l) => l.id),
  });
  const playCount = await seedPlays(ctx, seededAssets);
  const feedback = await seedFeedback(ctx, dealSummary);
  await seedRequests(
    db,
    { workspaceId: workspace.id, now, stageIds: ctx.stageIds, termIds: ctx.termIds, assets: seededAssets },
    { byEmail: new Map(people.map((p) => [p.email, { id: p.id, partnerOrgId: p.partnerOrgId }])) },
  );
  return {
    workspaceId: workspace.id,
    users: people.length,
    assets: seededAssets.length + 1,
    plays: playCount,
    ...feedback,
    ...dealSummary,
  };
}
