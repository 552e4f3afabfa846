import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseHandle, type DatabaseHandle } from "@/db/client";
import { assetPartnerOrgs, assets } from "@/db/schema";
import { downloadAsset } from "@/server/assets/download-asset";
import { updateAsset } from "@/server/assets/update-asset";
import { uploadFromRequest } from "../support/uploads";
import { extractText } from "@/server/files/extract-text";
import { setPartnerVisibilityInBulk } from "@/server/partners/asset-partner-visibility";
import { pdfWith } from "../files/fixtures";
import { createTestAsset, createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";

let handle: DatabaseHandle;
let ws: TestWorkspace;
beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  ws = await createTestWorkspace(handle.db);
});
afterAll(() => handle.close());

async function uploadPdf(title: string, text: string) {
  const form = new FormData();
  form.append(
    "metadata",
    JSON.stringify({ title, type: "deck", stageIds: [ws.stages[0]!.id], status: "published" }),
  );
  form.append("file", new Blob([(await pdfWith(text)) as BlobPart]), "brief.pdf");
  return uploadFromRequest(
    handle.db,
    await ws.actor(ws.people.marketer),
    new Request("http://localhost/api/v1/assets", { method: "POST", body: form }),
  );
}

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("partner downloads", () => {
  it("stamps every page of a partner's PDF with org, email and date; internal copies stay as uploaded", async () => {
    const asset = await uploadPdf("Gold pricing brief", "Pricing for gold partners");
    const marketer = await ws.actor(ws.people.marketer);
    await updateAsset(handle.db, marketer, asset.id, {
      partnerVisibility: {
        partnerAccess: "tier",
        minPartnerTierId: ws.tiers[2]!.id,
        partnerOrgIds: [],
        partnerRegion: null,
      },
    });

    const low = await ws.actor(ws.people.partnerLow);
    await expect(downloadAsset(handle.db, low, asset.id)).rejects.toMatchObject({ code: "not_found" });

    const high = await ws.actor(ws.people.partnerHigh);
    const res = await downloadAsset(handle.db, high, asset.id);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const stamped = await bytesOf(res);
    expect(Number(res.headers.get("content-length"))).toBe(stamped.byteLength);
    const text = (await extractText(stamped, "application/pdf"))!;
    const today = new Date().toISOString().slice(0, 10);
    expect(text).toContain("Shared with Platinum Co");
    expect(text).toContain(high.email);
    expect(text).toContain(today);
    expect(text).toContain("Pricing for gold partners");
    const pages = (await PDFDocument.load(stamped)).getPageCount();
    expect(text.split("Shared with Platinum Co").length - 1).toBeGreaterThanOrEqual(pages);

    const internal = await bytesOf(await downloadAsset(handle.db, await ws.actor(ws.people.rep), asset.id));
    expect(await extractText(internal, "application/pdf")).not.toContain("Shared with");
  });

  it("a view-only asset cannot be downloaded by partners or reps, but marketers still can", async () => {
    const asset = await uploadPdf("View only brief", "Look, do not take");
    const marketer = await ws.actor(ws.people.marketer);
    await updateAsset(handle.db, marketer, asset.id, {
      allowDownload: false,
      partnerVisibility: {
        partnerAccess: "all",
        minPartnerTierId: null,
        partnerOrgIds: [],
        partnerRegion: null,
      },
    });
    for (const who of [ws.people.partnerHigh, ws.people.partnerLow, ws.people.rep]) {
      await expect(downloadAsset(handle.db, await ws.actor(who), asset.id)).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect((await downloadAsset(handle.db, marketer, asset.id)).status).toBe(200);
  });
});

describe("partner visibility edits", () => {
  it("sets tier, named orgs and region on many assets at once, validating the workspace's tiers and orgs", async () => {
    const a = await createTestAsset(handle.db, ws);
    const b = await createTestAsset(handle.db, ws);
    const marketer = await ws.actor(ws.people.marketer);
    await setPartnerVisibilityInBulk(handle.db, marketer, [a.id, b.id], {
      partnerAccess: "orgs",
      minPartnerTierId: null,
      partnerOrgIds: [ws.orgs.low.id],
      partnerRegion: "EMEA",
    });
    const rows = await handle.db.select().from(assets).where(eq(assets.id, a.id));
    expect(rows[0]).toMatchObject({ partnerAccess: "orgs", partnerRegion: "EMEA", minPartnerTierId: null });
    const grants = await handle.db.select().from(assetPartnerOrgs).where(eq(assetPartnerOrgs.assetId, b.id));
    expect(grants.map((g) => g.partnerOrgId)).toEqual([ws.orgs.low.id]);

    const other = await createTestWorkspace(handle.db);
    await expect(
      setPartnerVisibilityInBulk(handle.db, marketer, [a.id], {
        partnerAccess: "orgs",
        minPartnerTierId: null,
        partnerOrgIds: [other.orgs.low.id],
        partnerRegion: null,
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      // An asset the actor cannot see is not found (the action itself also requires assets.write).
      setPartnerVisibilityInBulk(handle.db, await ws.actor(ws.people.partnerHigh), [a.id], {
        partnerAccess: "all",
        minPartnerTierId: null,
        partnerOrgIds: [],
        partnerRegion: null,
      }),
    ).rejects.toMatchObject({ code: "not_found" });

    await setPartnerVisibilityInBulk(handle.db, marketer, [a.id], {
      partnerAccess: "none",
      minPartnerTierId: null,
      partnerOrgIds: [ws.orgs.low.id],
      partnerRegion: "EMEA",
    });
    expect((await handle.db.select().from(assets).where(eq(assets.id, a.id)))[0]).toMatchObject({
      partnerAccess: "none",
      partnerRegion: null,
    });
    expect(await handle.db.select().from(assetPartnerOrgs).where(eq(assetPartnerOrgs.assetId, a.id))).toEqual(
      [],
    );
  });
});
