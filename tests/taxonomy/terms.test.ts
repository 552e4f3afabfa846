import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetTerms, auditLog, dealTerms, taxonomyTerms } from "@/db/schema";
import type { TaxonomyKind } from "@/lib/taxonomy";
import type { Actor } from "@/server/authz/actor";
import { deleteTerm, mergeTerm } from "@/server/taxonomy/merge-delete-term";
import { listTermsWithUsage } from "@/server/taxonomy/taxonomy-queries";
import { createTerm, moveTerm, renameTerm } from "@/server/taxonomy/term-services";
import { createTestDatabase } from "../support/test-db";
import {
  createTestAsset,
  createTestDeal,
  createTestWorkspace,
  type TestWorkspace,
} from "../support/factories";

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

const term = (kind: TaxonomyKind, name: string) => createTerm(handle.db, marketer, { kind, name });

async function namesOf(kind: TaxonomyKind) {
  const rows = await handle.db
    .select({ name: taxonomyTerms.name })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.workspaceId, ws.workspace.id), eq(taxonomyTerms.kind, kind)))
    .orderBy(asc(taxonomyTerms.position));
  return rows.map((r) => r.name);
}

async function linksOf(termIds: string[]) {
  const [a, d] = await Promise.all([
    handle.db.select().from(assetTerms).where(inArray(assetTerms.termId, termIds)),
    handle.db.select().from(dealTerms).where(inArray(dealTerms.termId, termIds)),
  ]);
  return { assets: a, deals: d };
}

async function auditActions(entityId: string) {
  const rows = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
  return rows.map((r) => r.action);
}

describe("taxonomy terms", () => {
  it("adds terms at the end of their kind and renames them, refusing a name the kind already has", async () => {
    const fin = await term("industry", "Finance");
    await term("industry", "Healthcare");
    await term("region", "Finance");
    expect(await namesOf("industry")).toEqual(["Finance", "Healthcare"]);

    await renameTerm(handle.db, marketer, { termId: fin.id, name: "Financial Services" });
    expect(await namesOf("industry")).toEqual(["Financial Services", "Healthcare"]);
    expect(await auditActions(fin.id)).toEqual(["taxonomy_term.created", "taxonomy_term.renamed"]);

    await expect(
      renameTerm(handle.db, marketer, { termId: fin.id, name: "healthcare" }),
    ).rejects.toMatchObject({ code: "conflict", message: "“Healthcare” is already in Industries" });
    await expect(term("industry", "HEALTHCARE")).rejects.toMatchObject({ code: "conflict" });
    expect(await namesOf("industry")).toEqual(["Financial Services", "Healthcare"]);

    const other = await createTestWorkspace(handle.db);
    const outsider = await other.actor(other.people.admin);
    await expect(renameTerm(handle.db, outsider, { termId: fin.id, name: "Mine" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("moves a term up and down, and does nothing past either end", async () => {
    const a = await term("persona", "CFO");
    await term("persona", "CIO");
    const c = await term("persona", "VP Sales");
    await moveTerm(handle.db, marketer, { termId: c.id, direction: "up" });
    expect(await namesOf("persona")).toEqual(["CFO", "VP Sales", "CIO"]);
    await moveTerm(handle.db, marketer, { termId: a.id, direction: "down" });
    expect(await namesOf("persona")).toEqual(["VP Sales", "CFO", "CIO"]);
    expect(await moveTerm(handle.db, marketer, { termId: c.id, direction: "up" })).toEqual({ moved: false });
    expect(await namesOf("persona")).toEqual(["VP Sales", "CFO", "CIO"]);
    expect(await auditActions(c.id)).toContain("taxonomy_term.moved");
  });

  it("merges a term into another, moving links without duplicating those that already have both", async () => {
    const source = await term("competitor", "Contoso");
    const target = await term("competitor", "Contoso Data");
    const both = await createTestAsset(handle.db, ws);
    const onlySource = await createTestAsset(handle.db, ws);
    const dealBoth = await createTestDeal(handle.db, ws);
    const dealSource = await createTestDeal(handle.db, ws);
    await handle.db.insert(assetTerms).values([
      { assetId: both.id, termId: source.id },
      { assetId: both.id, termId: target.id },
      { assetId: onlySource.id, termId: source.id },
    ]);
    await handle.db.insert(dealTerms).values([
      { dealId: dealBoth.id, termId: source.id },
      { dealId: dealBoth.id, termId: target.id },
      { dealId: dealSource.id, termId: source.id },
    ]);

    const result = await mergeTerm(handle.db, marketer, { sourceId: source.id, targetId: target.id });
    expect(result).toMatchObject({ assets: 2, deals: 2 });
    const links = await linksOf([source.id, target.id]);
    expect(links.assets.map((l) => [l.assetId, l.termId]).sort()).toEqual(
      [
        [both.id, target.id],
        [onlySource.id, target.id],
      ].sort(),
    );
    expect(links.deals.map((l) => [l.dealId, l.termId]).sort()).toEqual(
      [
        [dealBoth.id, target.id],
        [dealSource.id, target.id],
      ].sort(),
    );
    expect(await namesOf("competitor")).toEqual(["Contoso Data"]);
    expect(await auditActions(source.id)).toContain("taxonomy_term.merged");

    const region = await term("region", "Nordics");
    await expect(
      mergeTerm(handle.db, marketer, { sourceId: region.id, targetId: target.id }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    expect(await namesOf("region")).toContain("Nordics");
  });

  it("deletes an unused term directly but asks what to do with one in use", async () => {
    const unused = await term("product", "Legacy Connector");
    await deleteTerm(handle.db, marketer, { termId: unused.id, inUse: "unused" });
    expect(await namesOf("product")).not.toContain("Legacy Connector");

    const used = await term("product", "Insights");
    const asset = await createTestAsset(handle.db, ws);
    const deal = await createTestDeal(handle.db, ws);
    await handle.db.insert(assetTerms).values({ assetId: asset.id, termId: used.id });
    await handle.db.insert(dealTerms).values({ dealId: deal.id, termId: used.id });
    await expect(deleteTerm(handle.db, marketer, { termId: used.id, inUse: "unused" })).rejects.toMatchObject(
      {
        code: "conflict",
        message: expect.stringMatching(/^“Insights” is used by 1 asset and 1 deal\./),
      },
    );
    expect(await namesOf("product")).toContain("Insights");

    const usage = await listTermsWithUsage(handle.db, marketer);
    expect(usage.product.find((t) => t.id === used.id)).toMatchObject({ assetCount: 1, dealCount: 1 });

    expect(await deleteTerm(handle.db, marketer, { termId: used.id, inUse: "remove" })).toMatchObject({
      assets: 1,
      deals: 1,
      mergedInto: null,
    });
    expect(await namesOf("product")).not.toContain("Insights");
    expect(await linksOf([used.id])).toEqual({ assets: [], deals: [] });
    expect(await auditActions(used.id)).toContain("taxonomy_term.deleted");
  });

  it("deletes a term in use by merging it into another", async () => {
    const old = await term("product", "Streaming");
    const keep = await term("product", "Streaming Connectors");
    const asset = await createTestAsset(handle.db, ws);
    const deal = await createTestDeal(handle.db, ws);
    await handle.db.insert(assetTerms).values([
      { assetId: asset.id, termId: old.id },
      { assetId: asset.id, termId: keep.id },
    ]);
    await handle.db.insert(dealTerms).values({ dealId: deal.id, termId: old.id });

    const result = await deleteTerm(handle.db, marketer, {
      termId: old.id,
      inUse: "merge",
      targetId: keep.id,
    });
    expect(result).toMatchObject({ assets: 1, deals: 1, mergedInto: "Streaming Connectors" });
    expect(await namesOf("product")).not.toContain("Streaming");
    const links = await linksOf([old.id, keep.id]);
    expect(links.assets.map((l) => l.termId)).toEqual([keep.id]);
    expect(links.deals.map((l) => [l.dealId, l.termId])).toEqual([[deal.id, keep.id]]);
  });
});
