import { eq } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema";
import { addAssetVersionRoute, downloadAssetVersionRoute } from "@/server/api/routes/assets";
import { listAssets } from "@/server/assets/asset-queries";
import { listAssetVersions } from "@/server/assets/list-asset-versions";
import { addVersionFromRequest } from "../support/uploads";
import { updateAsset } from "@/server/assets/update-asset";
import { uploadFromRequest } from "../support/uploads";
import { createApiToken } from "@/server/tokens/token-service";
import { logUsage } from "@/server/usage/log-usage";
import { createTestDatabase } from "../support/test-db";
import { createTestDeal, createTestWorkspace, type TestWorkspace } from "../support/factories";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

async function pdf(text: string) {
  const doc = await PDFDocument.create();
  doc
    .addPage()
    .drawText(text, { font: await doc.embedFont(StandardFonts.Helvetica), x: 40, y: 700, size: 12 });
  return doc.save();
}
function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array },
  token?: string,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([file.bytes as BlobPart]), file.name);
  return new Request("http://localhost/api/v1/assets/x/versions", {
    method: "POST",
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe("asset lifecycle", () => {
  it("edits metadata and stages, expires out of rep results, and archives with an audit entry", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const rep = await ws.actor(ws.people.rep);
    const meta = {
      title: "Pricing one-pager",
      type: "one_pager",
      stageIds: [ws.stages[3]!.id],
      status: "published",
    };
    const asset = await uploadFromRequest(
      handle.db,
      marketer,
      multipart({ metadata: JSON.stringify(meta) }, { name: "p.pdf", bytes: await pdf("pricing v1") }),
    );
    await updateAsset(handle.db, marketer, asset.id, {
      title: "Pricing one-pager 2027",
      stageIds: [ws.stages[3]!.id, ws.stages[4]!.id],
    });
    const inNegotiation = await listAssets(handle.db, rep, { stageId: ws.stages[4]!.id });
    expect(inNegotiation.map((a) => a.title)).toEqual(["Pricing one-pager 2027"]);

    await updateAsset(handle.db, marketer, asset.id, {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await listAssets(handle.db, rep)).map((a) => a.id)).not.toContain(asset.id);
    const forMarketer = await listAssets(handle.db, marketer);
    expect(forMarketer.find((a) => a.id === asset.id)).toMatchObject({ expired: true });

    await updateAsset(handle.db, marketer, asset.id, { expiresAt: null, status: "archived" });
    expect((await listAssets(handle.db, rep)).map((a) => a.id)).not.toContain(asset.id);
    const actions = (await handle.db.select().from(auditLog).where(eq(auditLog.entityId, asset.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["asset.published", "asset.updated", "asset.archived"]));
    await expect(
      updateAsset(handle.db, marketer, asset.id, { stageIds: ["00000000-0000-4000-8000-000000000009"] }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("adds versions, keeps history, and records on each usage the version that was current", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const rep = await ws.actor(ws.people.rep);
    const meta = { title: "ROI model", type: "roi_model", stageIds: [ws.stages[1]!.id], status: "published" };
    const asset = await uploadFromRequest(
      handle.db,
      marketer,
      multipart({ metadata: JSON.stringify(meta) }, { name: "roi.pdf", bytes: await pdf("roi v1") }),
    );
    const deal = await createTestDeal(handle.db, ws);
    const before = await logUsage(handle.db, rep, {
      assetId: asset.id,
      dealId: deal.id,
      kind: "sent",
      note: "",
    });

    const v2Bytes = await pdf("roi v2");
    const v2 = await addVersionFromRequest(
      handle.db,
      marketer,
      asset.id,
      multipart({ note: "Q3 numbers" }, { name: "roi-v2.pdf", bytes: v2Bytes }),
    );
    expect(v2.version).toMatchObject({ version: 2, note: "Q3 numbers" });
    const after = await logUsage(handle.db, rep, {
      assetId: asset.id,
      dealId: deal.id,
      kind: "presented",
      note: "",
    });
    expect(before.usage.assetVersionId).toBe(asset.currentVersionId);
    expect(after.usage.assetVersionId).toBe(v2.version.id);

    const history = await listAssetVersions(handle.db, marketer, asset.id);
    expect(history.map((h) => [h.version, h.fileName])).toEqual([
      [2, "roi-v2.pdf"],
      [1, "roi.pdf"],
    ]);
    await expect(
      addVersionFromRequest(
        handle.db,
        marketer,
        asset.id,
        multipart({}, { name: "same.pdf", bytes: v2Bytes }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("lets marketers download an earlier version as an attachment, and nobody else", async () => {
    const marketer = await ws.actor(ws.people.marketer);
    const v1Bytes = await pdf("brief v1");
    const meta = {
      title: "Brief",
      type: "competitive_brief",
      stageIds: [ws.stages[2]!.id],
      status: "published",
    };
    const asset = await uploadFromRequest(
      handle.db,
      marketer,
      multipart({ metadata: JSON.stringify(meta) }, { name: "brief v1.pdf", bytes: v1Bytes }),
    );
    await addVersionFromRequest(
      handle.db,
      marketer,
      asset.id,
      multipart({}, { name: "brief-v2.pdf", bytes: await pdf("brief v2") }),
    );
    const [, v1] = await listAssetVersions(handle.db, marketer, asset.id);
    const get = async (who: "marketer" | "rep", versionId: string) => {
      const { secret } = await createApiToken(handle.db, await ws.actor(ws.people[who]), `dl-${who}`);
      return downloadAssetVersionRoute.handler(
        new Request("http://localhost/x", { headers: { authorization: `Bearer ${secret}` } }),
        { params: Promise.resolve({ id: asset.id, versionId }) },
      );
    };
    const ok = await get("marketer", v1!.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toBe(
      `attachment; filename="brief v1.pdf"; filename*=UTF-8''brief%20v1.pdf`,
    );
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await ok.arrayBuffer()).equals(Buffer.from(v1Bytes))).toBe(true);
    expect((await get("rep", v1!.id)).status).toBe(403);
    expect((await get("marketer", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("a rep cannot upload a version over the API", async () => {
    const { secret } = await createApiToken(handle.db, await ws.actor(ws.people.rep), "rep");
    const res = await addAssetVersionRoute.handler(
      multipart({}, { name: "x.pdf", bytes: await pdf("x") }, secret),
      {
        params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }),
      },
    );
    expect(res.status).toBe(403);
  });
});
