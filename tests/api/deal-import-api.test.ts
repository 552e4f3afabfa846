import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { importDealsRoute, previewImportRoute } from "@/server/api/routes/deal-import";
import { createApiToken } from "@/server/tokens/token-service";
import { createTestDatabase } from "../support/test-db";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let token: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
  token = (await createApiToken(handle.db, await ws.actor(ws.people.rep), "import")).secret;
});
afterAll(() => handle.close());

const csv =
  'Record ID,Deal Name,Amount,Deal Stage,Close Date\nh-1,First,"$1,200",qualifiedtobuy,3/31/2026\nh-2,Second,oops,closedwon,\n';

function post(
  route: typeof importDealsRoute,
  query: Record<string, string>,
  body: string,
  accept = "application/json",
  extra: Record<string, string> = {},
) {
  const url = new URL("http://localhost/api/v1/deals/import");
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return route.handler(
    new Request(url, {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", accept, ...extra },
    }),
    { params: Promise.resolve({}) },
  );
}

describe("deal import API", () => {
  it("previews the detected source, mapping, stages and row problems without writing anything", async () => {
    const res = await post(previewImportRoute, {}, csv);
    const body = await res.json();
    expect(body).toMatchObject({
      source: "hubspot",
      mapping: { externalId: "Record ID", name: "Deal Name", stage: "Deal Stage" },
      sampledRows: 2,
    });
    expect(body.stages).toEqual([
      { crmStage: "qualifiedtobuy", count: 1, rule: { stageId: ws.stages[1]!.id, status: null } },
      { crmStage: "closedwon", count: 1, rule: { stageId: ws.stages[5]!.id, status: "won" } },
    ]);
    expect(body.sample[1].problems).toEqual(["Amount “oops” is not a number"]);
  });

  it("imports a CSV body and answers with the per-row report", async () => {
    const res = await post(importDealsRoute, { source: "hubspot" }, csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      created: 1,
      failed: 1,
      errors: [{ line: 3, message: "Amount “oops” is not a number" }],
    });
  });

  it("streams progress lines and then the report as NDJSON", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `n-${i},Deal ${i},10,qualifiedtobuy,`);
    const res = await post(
      importDealsRoute,
      {},
      ["Record ID,Deal Name,Amount,Deal Stage,Close Date", ...rows].join("\n"),
      "application/x-ndjson",
    );
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, -1)).toEqual([{ progress: 500 }, { progress: 1000 }, { progress: 1200 }]);
    expect(lines.at(-1).report).toMatchObject({ rows: 1200, created: 1200 });
  });

  it("with an Idempotency-Key, replays the report for the same bytes and refuses other bytes", async () => {
    const body = "Record ID,Deal Name,Amount,Deal Stage,Close Date\nk-1,Keyed,10,qualifiedtobuy,\n";
    const key = { "idempotency-key": `import-${Date.now()}` };
    const first = await post(importDealsRoute, { source: "hubspot" }, body, "application/json", key);
    expect(await first.json()).toMatchObject({ created: 1 });
    const again = await post(importDealsRoute, { source: "hubspot" }, body, "application/json", key);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toMatchObject({ created: 1 });
    const other = await post(
      importDealsRoute,
      { source: "hubspot" },
      body.replace("Keyed", "Other"),
      "application/json",
      key,
    );
    expect(other.status).toBe(409);
  });

  it("refuses an Idempotency-Key on an NDJSON-streamed import, whose report cannot be replayed", async () => {
    const res = await post(importDealsRoute, {}, csv, "application/x-ndjson", {
      "idempotency-key": "ndjson-1",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Idempotency-Key needs a JSON response/);
  });

  it("refuses a malformed mapping parameter with 422", async () => {
    const res = await post(importDealsRoute, { mapping: "{not json" }, csv);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fieldErrors.mapping).toBeDefined();
  });
});
