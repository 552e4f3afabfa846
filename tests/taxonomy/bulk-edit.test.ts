import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetStages, assetTerms, assets, auditLog } from "@/db/schema";
import { bulkEditAssets } from "@/server/assets/bulk-edit-assets";
import type { Actor } from "@/server/authz/actor";
import { createTerm } from "@/server/taxonomy/term-services";
import { createTestDatabase } from "../support/test-db";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let marketer: Actor;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  marketer = await ws.actor(ws.people.marketer);
});
afterAll(() => handle.close());

const none = { addStageIds: [], removeStageIds: [], addTermIds: [], removeTermIds: [] };

async function stagesOf(assetId: string) {
  const rows = await handle.db.select().from(assetStages).where(eq(assetStages.assetId, assetId));
  return rows.map((r) => r.stageId).sort();
}
async function termsOf(assetId: string) {
  const rows = await handle.db.select().from(assetTerms).where(eq(assetTerms.assetId, assetId));
  return rows.map((r) => r.termId).sort();
}
async function updatedAtOf(ids: string[]) {
  const rows = await handle.db
    .select({ id: assets.id, updatedAt: assets.updatedAt })
    .from(assets)
    .where(inArray(assets.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.updatedAt.getTime()]));
}

describe("bulk edit of stages and tags", () => {
  it("adds and removes stages and tags on every selected asset, audited per asset", async () => {
    const [s0, s1, s2] = [ws.stages[0]!.id, ws.stages[1]!.id, ws.stages[2]!.id];
    const health = await createTerm(handle.db, marketer, { kind: "industry", name: "Healthcare" });
    const cfo = await createTerm(handle.db, marketer, { kind: "persona", name: "CFO" });
    const a = await createTestAsset(handle.db, ws, { stageIds: [s0, s1] });
    const b = await createTestAsset(handle.db, ws, { stageIds: [s1], status: "draft" });
    const untouched = await createTestAsset(handle.db, ws, { stageIds: [s0] });
    await handle.db.insert(assetTerms).values({ assetId: a.id, termId: cfo.id });
    const before = await updatedAtOf([a.id, b.id, untouched.id]);

    const result = await bulkEditAssets(handle.db, marketer, {
      ...none,
      assetIds: [a.id, b.id],
      addStageIds: [s2],
      addTermIds: [health.id, cfo.id],
    });
    expect(result).toEqual({ updated: 2 });
    expect(await stagesOf(a.id)).toEqual([s0, s1, s2].sort());
    expect(await stagesOf(b.id)).toEqual([s1, s2].sort());
    expect(await termsOf(a.id)).toEqual([health.id, cfo.id].sort());
    expect(await termsOf(b.id)).toEqual([health.id, cfo.id].sort());
    expect(await stagesOf(untouched.id)).toEqual([s0]);

    const after = await updatedAtOf([a.id, b.id, untouched.id]);
    expect(after[a.id]).toBeGreaterThan(before[a.id]!);
    expect(after[b.id]).toBeGreaterThan(before[b.id]!);
    expect(after[untouched.id]).toBe(before[untouched.id]);

    await bulkEditAssets(handle.db, marketer, {
      ...none,
      assetIds: [a.id, b.id],
      removeStageIds: [s1],
      removeTermIds: [cfo.id],
    });
    expect(await stagesOf(a.id)).toEqual([s0, s2].sort());
    expect(await stagesOf(b.id)).toEqual([s2]);
    expect(await termsOf(a.id)).toEqual([health.id]);
    expect(await termsOf(b.id)).toEqual([health.id]);

    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [a.id, b.id, untouched.id]));
    expect(
      audits
        .filter((e) => e.action === "asset.bulk_updated")
        .map((e) => e.entityId)
        .sort(),
    ).toEqual([a.id, a.id, b.id, b.id].sort());
  });

  it("refuses an asset from another workspace and applies nothing", async () => {
    const other = await createTestWorkspace(handle.db);
    const foreign = await createTestAsset(handle.db, other);
    const mine = await createTestAsset(handle.db, ws, { stageIds: [ws.stages[0]!.id] });
    await expect(
      bulkEditAssets(handle.db, marketer, {
        ...none,
        assetIds: [mine.id, foreign.id],
        addStageIds: [ws.stages[3]!.id],
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await stagesOf(mine.id)).toEqual([ws.stages[0]!.id]);
    expect(await stagesOf(foreign.id)).toEqual([other.stages[1]!.id]);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, mine.id));
    expect(audits).toEqual([]);
  });

  it("refuses another workspace's stage or tag, and a change that leaves an asset without a stage", async () => {
    const other = await createTestWorkspace(handle.db);
    const otherAdmin = await other.actor(other.people.admin);
    const foreignTerm = await createTerm(handle.db, otherAdmin, { kind: "region", name: "EMEA" });
    const mine = await createTestAsset(handle.db, ws, { stageIds: [ws.stages[0]!.id] });
    await expect(
      bulkEditAssets(handle.db, marketer, { ...none, assetIds: [mine.id], addTermIds: [foreignTerm.id] }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      bulkEditAssets(handle.db, marketer, {
        ...none,
        assetIds: [mine.id],
        addStageIds: [other.stages[0]!.id],
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      bulkEditAssets(handle.db, marketer, {
        ...none,
        assetIds: [mine.id],
        removeStageIds: [ws.stages[0]!.id],
      }),
    ).rejects.toMatchObject({ code: "validation_failed", message: /needs a buying stage/ });
    expect(await stagesOf(mine.id)).toEqual([ws.stages[0]!.id]);
    expect(await termsOf(mine.id)).toEqual([]);
  });

  it("treats an asset a rep cannot see as not found", async () => {
    const rep = await ws.actor(ws.people.rep);
    const draft = await createTestAsset(handle.db, ws, { status: "draft" });
    await expect(
      bulkEditAssets(handle.db, rep, { ...none, assetIds: [draft.id], addStageIds: [ws.stages[0]!.id] }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await stagesOf(draft.id)).toEqual([ws.stages[1]!.id]);
  });
});
