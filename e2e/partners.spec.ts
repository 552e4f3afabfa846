import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "./support/files";
import { signInAs } from "./support/sign-in";
import { fromOwnPages } from "./support/same-origin";

const json = async <T>(res: { json: () => Promise<unknown> }) => (await res.json()) as T;

/** Text of a PDF, read with unpdf (PDF.js) as the server's own text extraction does. */
async function pdfText(bytes: Buffer): Promise<string> {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength !== "function") {
    Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
      configurable: true,
      value(this: ArrayBuffer, length?: number) {
        const copy = new ArrayBuffer(length ?? this.byteLength);
        new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(copy.byteLength, this.byteLength)));
        return copy;
      },
    });
  }
  const { extractText, getDocumentProxy } = await import("unpdf");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

async function uploadPdf(page: Page, title: string, stageId: string) {
  const res = await page.request.post("/api/v1/assets", {
    headers: fromOwnPages,
    multipart: {
      metadata: JSON.stringify({ title, type: "one_pager", stageIds: [stageId], status: "published" }),
      file: {
        name: "brief.pdf",
        mimeType: "application/pdf",
        buffer: await makePdf([title, "For partners"]),
      },
    },
  });
  expect(res.status()).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

test("a channel manager invites a partner, who sees only what its tier may, downloads a stamped PDF, logs usage, and is signed out when the org is deactivated", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Letters only: other specs put Date.now() in their titles, and search's typo tolerance rightly finds
  // titles whose digits are nearly the same, which would change the counts asserted below.
  const stamp = Array.from({ length: 12 }, () => String.fromCharCode(97 + randomInt(26))).join("");
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");

  // An admin makes a marketer channel manager through the admin API.
  const cmEmail = `channel.${stamp}@northwind.test`;
  const created = await admin.request.post("/api/v1/users", {
    headers: fromOwnPages,
    data: { email: cmEmail, name: `Cora Channel ${stamp}`, role: "marketer", password: "channel-pass-1" },
  });
  expect(created.status()).toBe(201);
  const cmId = (await json<{ id: string }>(created)).id;
  const flagged = await admin.request.patch(`/api/v1/users/${cmId}`, {
    data: { channelManager: true },
    headers: fromOwnPages,
  });
  expect((await json<{ channelManager: boolean }>(flagged)).channelManager).toBe(true);

  const cm = await (await browser.newContext()).newPage();
  await signInAs(cm, { email: cmEmail, password: "channel-pass-1" });

  // Two published PDFs: one for every partner, one only for Platinum partners.
  const stages = await json<{ data: { id: string }[] }>(await cm.request.get("/api/v1/stages"));
  const orgs = await json<{ data: { tierId: string; tierName: string }[] }>(
    await admin.request.get("/api/v1/partner-orgs"),
  );
  const platinum = orgs.data.find((o) => o.tierName === "Platinum")!.tierId;
  const openTitle = `Partner pricing sheet ${stamp}`;
  const gatedTitle = `Platinum pricing sheet ${stamp}`;
  const openId = await uploadPdf(cm, openTitle, stages.data[1]!.id);
  const gatedId = await uploadPdf(cm, gatedTitle, stages.data[1]!.id);
  for (const [id, visibility] of [
    [openId, { partnerAccess: "all" }],
    [gatedId, { partnerAccess: "tier", minPartnerTierId: platinum }],
  ] as const) {
    expect(
      (
        await cm.request.patch(`/api/v1/assets/${id}`, {
          data: { partnerVisibility: visibility },
          headers: fromOwnPages,
        })
      ).status(),
    ).toBe(200);
  }

  // The channel manager creates a Registered-tier org and invites someone.
  const orgName = `Riverbend Resellers ${stamp}`;
  const partnerEmail = `pia.${stamp}@riverbend.test`;
  await cm.goto("/partners");
  const orgForm = cm.getByRole("form", { name: "Add a partner organisation" });
  await orgForm.getByLabel("Organisation").fill(orgName);
  await orgForm.getByLabel("Tier").selectOption({ label: "Registered" });
  await orgForm.getByLabel("Region (optional)").fill("EMEA");
  await orgForm.getByRole("button", { name: "Add organisation" }).click();
  const orgSection = cm.getByRole("region", { name: orgName });
  await orgSection.getByLabel(`Invite to ${orgName} by email`).fill(partnerEmail);
  await orgSection.getByRole("button", { name: "Send invitation" }).click();
  await expect(cm.getByRole("status").filter({ hasText: partnerEmail })).toBeVisible();
  await expect(cm.getByRole("list", { name: `Open invitations for ${orgName}` })).toContainText(partnerEmail);

  // The invitation link, from the development outbox.
  await admin.goto("/settings/outbox");
  const mail = admin.getByRole("listitem").filter({ hasText: `to ${partnerEmail}` });
  await mail.locator("summary").click();
  const link = (await mail.getByRole("link", { name: /\/invite\// }).getAttribute("href"))!;

  const partner = await (await browser.newContext()).newPage();
  await partner.goto(link);
  await expect(partner.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await partner.getByLabel("Your name").fill("Pia Partner");
  await partner.getByLabel("Password").fill("partner-pass-1");
  await partner.getByRole("button", { name: "Join and sign in" }).click();
  await expect(partner).toHaveURL(/\/library/);
  await expect(partner.getByTestId("partner-org")).toContainText(orgName);
  await expect(partner.getByTestId("current-user")).toHaveText("Pia Partner");
  await expect(partner.getByRole("link", { name: "Admin" })).toHaveCount(0);

  // The link works once.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByText(/already been accepted/)).toBeVisible();
  await again.close();

  // Search, facets and direct URLs: the Platinum asset does not exist for a Registered partner.
  await partner.goto(`/search?q=${stamp}`);
  const results = partner.getByRole("list", { name: "Results" });
  await expect(results.getByRole("link", { name: openTitle })).toBeVisible();
  await expect(partner.getByTestId("result-count")).toHaveText("1 result");
  await expect(partner.getByText(gatedTitle)).toHaveCount(0);
  const partnerApi = await json<{ total: number; items?: unknown }>(
    await partner.request.get(`/api/v1/assets?q=${stamp}&record=false`),
  );
  expect(partnerApi.total).toBe(1);
  expect(JSON.stringify(partnerApi)).not.toContain(gatedId);
  const marketerApi = await json<{ total: number }>(
    await cm.request.get(`/api/v1/assets?q=${stamp}&record=false`),
  );
  expect(marketerApi.total).toBe(2);
  expect((await partner.goto(`/assets/${gatedId}`))?.status()).toBe(404);
  expect((await partner.request.get(`/api/v1/assets/${gatedId}/download`)).status()).toBe(404);
  expect((await partner.request.get(`/api/v1/assets/${gatedId}/thumbnail`)).status()).toBe(404);

  // The partner registers a deal, downloads the open PDF stamped with who they are, and logs it as used.
  const dealName = `Riverbend x Harbor Bank ${stamp}`;
  await partner.goto("/deals");
  await partner.getByRole("button", { name: "New deal" }).click();
  const dealForm = partner.getByRole("form", { name: "New deal" });
  await dealForm.getByLabel("Deal name").fill(dealName);
  await dealForm.getByLabel("Account").fill("Harbor Bank");
  await dealForm.getByLabel("Amount").fill("24000");
  await dealForm.getByRole("button", { name: "Create deal" }).click();
  await expect(partner.getByRole("heading", { name: dealName })).toBeVisible();

  await partner.goto(`/assets/${openId}`);
  const downloading = partner.waitForEvent("download");
  await partner.getByRole("link", { name: "Download" }).click();
  const download = await downloading;
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = await pdfText(Buffer.concat(chunks));
  expect(text).toContain(`Shared with ${orgName}`);
  expect(text).toContain(partnerEmail);
  expect(text).toContain(new Date().toISOString().slice(0, 10));

  await partner
    .getByRole("list", { name: "Your open deals" })
    .getByRole("button", { name: new RegExp(dealName) })
    .click();
  await expect(partner.getByRole("status").filter({ hasText: "Logged as" })).toContainText(`in ${dealName}`);

  // The channel manager sees the partner's deal; deactivating the org signs the partner out at once.
  await cm.goto(`/deals?scope=all&q=${encodeURIComponent(dealName)}`);
  await expect(cm.getByRole("link", { name: dealName })).toBeVisible();
  await cm.goto("/partners");
  await cm.getByRole("button", { name: `Deactivate ${orgName}` }).click();
  await expect(cm.getByRole("button", { name: `Reactivate ${orgName}` })).toBeVisible();
  await partner.goto("/library");
  await expect(partner).toHaveURL(/\/signin/);
  expect((await partner.request.get("/api/v1/me")).status()).toBe(401);
});
