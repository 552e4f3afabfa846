import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { assetPartnerOrgs, assets, partnerOrgs, users } from "@/db/schema";
import { assetVisibility, assetVisibleToUser } from "@/server/authz/visibility";
import { createTestDatabase } from "../support/test-db";
import { createTestAsset, createTestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe("assetVisibleToUser (notification fan-out) agrees with assetVisibility (every read)", () => {
  it("for every role, partner tier, region and grant", async () => {
    const db = handle.db;
    const ws = await createTestWorkspace(db);
    const other = await createTestWorkspace(db);
    const [apac] = await db
      .insert(partnerOrgs)
      .values({ workspaceId: ws.workspace.id, name: "APAC Co", tierId: ws.tiers[3]!.id, region: "APAC" })
      .returning();
    const [apacUser] = await db
      .insert(users)
      .values({
        workspaceId: ws.workspace.id,
        email: `apac-${ws.workspace.slug}@x.test`,
        name: "APAC",
        role: "partner",
        partnerOrgId: apac!.id,
      })
      .returning();
    const made = [
      await createTestAsset(db, ws, {}),
      await createTestAsset(db, ws, { status: "draft" }),
      await createTestAsset(db, ws, { status: "archived", partnerAccess: "all" }),
      await createTestAsset(db, ws, { partnerAccess: "all", expiresAt: new Date(Date.now() - 1000) }),
      await createTestAsset(db, ws, { partnerAccess: "all" }),
      await createTestAsset(db, ws, { partnerAccess: "tier", minPartnerTierId: ws.tiers[3]!.id }),
      await createTestAsset(db, ws, { partnerAccess: "tier", minPartnerTierId: ws.tiers[0]!.id }),
      await createTestAsset(db, ws, { partnerAccess: "orgs" }),
      await createTestAsset(db, ws, { partnerAccess: "none" }),
      await createTestAsset(db, other, { partnerAccess: "all" }),
    ];
    await db.insert(assetPartnerOrgs).values([
      { assetId: made[7]!.id, partnerOrgId: ws.orgs.low.id },
      { assetId: made[8]!.id, partnerOrgId: ws.orgs.low.id },
    ]);
    await db.update(assets).set({ partnerRegion: "EMEA" }).where(eq(assets.id, made[6]!.id));

    const people = [...Object.values(ws.people), apacUser!];
    let checked = 0;
    for (const person of people) {
      const actor = (await ws.actor(person))!;
      const viaActor = (await db.select({ id: assets.id }).from(assets).where(assetVisibility(actor))).map(
        (r) => r.id,
      );
      const viaUser = (
        await db
          .select({ id: assets.id })
          .from(assets)
          .innerJoin(users, eq(users.id, person.id))
          .where(and(assetVisibleToUser()))
      ).map((r) => r.id);
      expect(viaUser.sort(), `${person.role} ${person.email}`).toEqual(viaActor.sort());
      checked += viaActor.length;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
