import { Readable } from "node:stream";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { dealStageHistory, deals } from "@/db/schema";
import { importDeals } from "@/server/crm-import/import-deals";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

const hubspot = [
  "\uFEFFRecord ID,Deal Name,Associated Company,Amount,Currency,Deal Stage,Close Date",
  '101,"Harborview, platform expansion",Harborview Medical,"USD 1,200.50",,appointmentscheduled,3/31/2026',
  '102,"Bluewater ""core"" renewal",Bluewater Bank,"1.200,50",EUR,Closed Won,2026-02-01',
  '103,"Two-line',
  'deal name",Ridgeline,"$1,200",,presentationscheduled,31.12.2026',
  "104,Broken amount,Acme,twelve,,contractsent,2026-05-01",
  "105,Unknown stage,Acme,100,,Verbal commit,2026-05-01",
  "101,Duplicate of first,Harborview Medical,5,,closedlost,2026-05-01",
  "106,Bad date,Acme,100,,closedlost,2026-02-30",
  "107,Lost one,Acme,900,,closedlost,",
].join("\r\n");

const run = (
  csv: string,
  opts: Parameters<typeof importDeals>[3] = {},
  who: keyof TestWorkspace["people"] = "rep",
) => ws.actor(ws.people[who]).then((actor) => importDeals(handle.db, actor, Readable.from([csv]), opts));

const dealsOf = (source: string) =>
  handle.db
    .select()
    .from(deals)
    .where(and(eq(deals.workspaceId, ws.workspace.id), eq(deals.externalSource, source)));

describe("CRM import", () => {
  it("imports a HubSpot export with BOM, CRLF and quoted fields, reporting bad rows by line and keeping good ones", async () => {
    const report = await run(hubspot);
    // Eight records on ten lines (one deal name spans lines 4-5); line 10, a lost deal, is fine.
    expect(report).toMatchObject({
      source: "hubspot",
      rows: 8,
      created: 4,
      updated: 0,
      unchanged: 0,
      failed: 4,
    });
    expect(report.errors).toEqual([
      { line: 6, message: "Amount “twelve” is not a number" },
      { line: 7, message: "Stage “Verbal commit” is not mapped to a buying stage" },
      { line: 8, message: "Record id “101” already appeared on line 2" },
      { line: 9, message: "Date “2026-02-30” is not a real calendar date" },
    ]);
    const rows = await dealsOf("hubspot");
    const byId = Object.fromEntries(rows.map((d) => [d.externalId, d]));
    expect(byId["101"]).toMatchObject({
      name: "Harborview, platform expansion",
      amountMinor: 120050,
      currency: "USD",
      closeDate: "2026-03-31",
      status: "open",
    });
    expect(byId["102"]).toMatchObject({
      name: 'Bluewater "core" renewal',
      amountMinor: 120050,
      currency: "EUR",
      status: "won",
      stageId: ws.stages[5]!.id,
    });
    expect(byId["103"]).toMatchObject({
      name: "Two-line\r\ndeal name",
      amountMinor: 120000,
      stageId: ws.stages[2]!.id,
      closeDate: "2026-12-31",
    });
    expect(byId["107"]).toMatchObject({ status: "lost", stageId: ws.stages[0]!.id });
    expect(rows.every((d) => d.ownerId === ws.people.rep.id)).toBe(true);
  });

  it("re-importing the same file updates nothing and duplicates nothing; a changed stage is one update with history", async () => {
    const again = await run(hubspot);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await dealsOf("hubspot")).toHaveLength(4);
    const moved = await run(hubspot.replace("appointmentscheduled", "contractsent"));
    expect(moved).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const [deal] = (await dealsOf("hubspot")).filter((d) => d.externalId === "101");
    expect(deal!.stageId).toBe(ws.stages[4]!.id);
    const [n] = await handle.db
      .select({ n: count() })
      .from(dealStageHistory)
      .where(eq(dealStageHistory.dealId, deal!.id));
    expect(n!.n).toBe(2);
  });

  it("reads a Salesforce Data Loader export, with IsWon/IsClosed flags and currency codes", async () => {
    const csv = [
      "Id,Name,AccountId,Amount,CurrencyIsoCode,StageName,CloseDate,IsClosed,IsWon",
      "006A1,Globex migration,001X,250000,GBP,Negotiation/Review,2026-06-30,false,false",
      "006A2,Initech expansion,001Y,90000,USD,Closed Won,2026-01-15,true,true",
      "006A3,Hooli pilot,001Z,15000,USD,Closed Lost,2026-01-20,true,false",
    ].join("\n");
    const report = await run(csv);
    expect(report).toMatchObject({ source: "salesforce", created: 3, failed: 0 });
    const byId = Object.fromEntries((await dealsOf("salesforce")).map((d) => [d.externalId, d]));
    expect(byId["006A1"]).toMatchObject({
      status: "open",
      stageId: ws.stages[4]!.id,
      currency: "GBP",
      amountMinor: 25_000_000,
    });
    expect(byId["006A2"]).toMatchObject({ status: "won" });
    expect(byId["006A3"]).toMatchObject({ status: "lost" });
  });

  it("a generic CSV needs its required columns mapped; without them nothing is written", async () => {
    const csv = "Opportunity,Client,Value,Phase\nX-1,Acme,100,Discovery\n";
    await expect(run(csv, { source: "generic" })).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("CRM record id"),
    });
    expect(await dealsOf("generic")).toHaveLength(0);
    const report = await run(csv, {
      source: "generic",
      mapping: {
        externalId: "Opportunity",
        name: "Opportunity",
        accountName: "Client",
        amount: "Value",
        stage: "Phase",
      },
    });
    expect(report).toMatchObject({ created: 1, failed: 0 });
  });

  it("remembers a stage mapping per source for the next import", async () => {
    const csv = "Record ID,Deal Name,Amount,Deal Stage\n900,Custom stage deal,10,Verbal commit\n";
    expect((await run(csv)).failed).toBe(1);
    const withRule = await run(csv, {
      stageRules: { "Verbal commit": { stageId: ws.stages[4]!.id, status: null } },
    });
    expect(withRule).toMatchObject({ created: 1, failed: 0 });
    const later = await run(csv.replace("900,Custom", "901,Custom"));
    expect(later).toMatchObject({ created: 1, failed: 0 });
  });

  it("only an admin imports deals for other owners; a rep's import cannot overwrite another rep's deal", async () => {
    const csv = `Record ID,Deal Name,Amount,Deal Stage,Deal owner email\n500,Owned by other,10,closedwon,${ws.people.otherRep.email}\n`;
    const asAdmin = await run(csv, {}, "admin");
    expect(asAdmin).toMatchObject({ created: 1, failed: 0 });
    const [deal] = (await dealsOf("hubspot")).filter((d) => d.externalId === "500");
    expect(deal!.ownerId).toBe(ws.people.otherRep.id);
    const asRep = await run(csv.replace("Owned by other", "Hijacked"), {}, "rep");
    expect(asRep.errors).toEqual([{ line: 2, message: "This record belongs to another owner's deal" }]);
    const unknownOwner = await run(
      csv.replace(ws.people.otherRep.email, "ghost@nowhere.test").replace("500,", "501,"),
      {},
      "admin",
    );
    expect(unknownOwner.errors[0]!.message).toContain("not an active Baton user");
  });

  it("imports thousands of rows in batches and reports progress", async () => {
    const lines = ["Record ID,Deal Name,Amount,Deal Stage"];
    for (let i = 0; i < 2_500; i++) lines.push(`bulk-${i},Bulk deal ${i},${i},qualifiedtobuy`);
    const progress: number[] = [];
    const report = await run(lines.join("\n"), { onProgress: (n) => progress.push(n) });
    expect(report).toMatchObject({ rows: 2_500, created: 2_500, failed: 0 });
    expect(progress).toEqual([500, 1000, 1500, 2000, 2500]);
  });
});
