import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { publishAsset } from "./support/publish-asset";
import { fromOwnPages } from "./support/same-origin";
import { signInAs } from "./support/sign-in";

// A buyer's ordinary browser (headless Chromium announces itself as HeadlessChrome, which the bot rule
// rightly ignores).
const BUYER_AGENT =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

// A real 10 s VP8 WebM (96x64, 9 KB; Debian's Chromium plays no H.264), made with
// `ffmpeg -f lavfi -i testsrc=size=96x64:rate=10:duration=10 -c:v libvpx -crf 63 -b:v 8k -g 100 -an`.
const VIDEO = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/walkthrough.webm");

async function publishVideo(page: Page, title: string) {
  const stages = ((await (await page.request.get("/api/v1/stages")).json()) as { data: { id: string }[] })
    .data;
  const response = await page.request.post("/api/v1/assets", {
    headers: fromOwnPages,
    multipart: {
      metadata: JSON.stringify({ title, type: "video", stageIds: [stages[0]!.id], status: "published" }),
      file: { name: "walkthrough.webm", mimeType: "video/webm", buffer: await readFile(VIDEO) },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("a rep shares three assets, the buyer reads them without an account, the rep and marketing see it, the rep revokes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const marketer = await (await browser.newContext()).newPage();
  await signInAs(marketer, "marketer");
  const pdfTitle = `Harborview pricing ${stamp}`;
  const pdfId = await publishAsset(marketer, {
    title: pdfTitle,
    stage: "Evaluation",
    text: "Pricing tiers",
    pages: 3,
  });
  const videoTitle = `Harborview walkthrough ${stamp}`;
  const videoId = await publishVideo(marketer, videoTitle);
  const briefTitle = `Harborview brief ${stamp}`;
  await publishAsset(marketer, { title: briefTitle, stage: "Evaluation", text: "Why us" });
  // The job queue renders the PDF's page images.
  await expect
    .poll(async () => (await marketer.request.get(`/api/v1/assets/${pdfId}/pages/3`)).status(), {
      timeout: 60_000,
    })
    .toBe(200);

  // The rep shares the three from a deal.
  const rep = await (await browser.newContext()).newPage();
  await signInAs(rep, "rep");
  const dealName = `Harborview rollout ${stamp}`;
  await rep.goto("/deals");
  await rep.getByRole("button", { name: "New deal" }).click();
  const dealForm = rep.getByRole("form", { name: "New deal" });
  await dealForm.getByLabel("Deal name").fill(dealName);
  await dealForm.getByLabel("Account").fill("Harborview Medical");
  await dealForm.getByLabel("Amount").fill("48000");
  await dealForm.getByLabel("Stage").selectOption({ label: "Evaluation" });
  await dealForm.getByRole("button", { name: "Create deal" }).click();
  // Creating the deal and opening its page can take a while on a busy machine.
  await expect(rep.getByRole("heading", { name: dealName })).toBeVisible({ timeout: 30_000 });
  const dealUrl = rep.url();

  await rep.getByRole("button", { name: "Share with buyer" }).click();
  const share = rep.getByRole("form", { name: "Share with buyer" });
  for (const title of [pdfTitle, videoTitle, briefTitle]) {
    await share.getByLabel("Search content to share").fill(String(stamp));
    await share.getByRole("button", { name: `Choose “${title}”` }).click();
  }
  await share.getByLabel("Message to the buyer").fill("Pricing and a walkthrough, as promised.");
  await share.getByLabel("Ask for the visitor's email first").check();
  await share.getByRole("button", { name: "Create link" }).click();
  const link = await rep.getByLabel("Buyer link (shown once: copy it now)").inputValue();
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{32}$/);
  await expect(
    rep.getByRole("list", { name: "Stage history" }).getByText(`Shared with buyer “${pdfTitle}”`),
  ).toBeVisible();

  // The buyer, with no account, in a fresh browser.
  const buyerContext = await browser.newContext({ userAgent: BUYER_AGENT, acceptDownloads: true });
  const buyer = await buyerContext.newPage();
  // What the browser's media player fetched: it asks for the video in byte ranges.
  const videoRanges: { status: number; range: string }[] = [];
  // And the beacons its page sent, with the answers.
  const beacons: { status: number; body: string }[] = [];
  buyer.on("response", (r) => {
    if (r.url().endsWith("/stream"))
      videoRanges.push({ status: r.status(), range: r.headers()["content-range"] ?? "" });
    if (r.url().endsWith("/beacon")) beacons.push({ status: r.status(), body: r.request().postData() ?? "" });
  });
  const opened = await buyer.goto(link);
  expect(opened!.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(opened!.headers()["x-robots-tag"]).toContain("noindex");
  await buyer.getByLabel("Your work email").fill("ann@harborview.example");
  await buyer.getByRole("button", { name: "Open" }).click();
  await expect(buyer.getByRole("heading", { name: pdfTitle })).toBeVisible();
  await expect(buyer.getByText("Pricing and a walkthrough, as promised.")).toBeVisible();
  await expect(buyer.getByAltText(`${pdfTitle}, page 1 of 3`)).toBeVisible();
  const content = await buyer.content();
  expect(content).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);

  // Reading pages 1 and 2 of 3: the page reports its time in beacons.
  await buyer.getByAltText(`${pdfTitle}, page 1 of 3`).scrollIntoViewIfNeeded();
  const beacon = await buyer.waitForResponse((r) => r.url().endsWith("/beacon"), { timeout: 20_000 });
  expect(beacon.status()).toBe(204);
  await buyer.getByAltText(`${pdfTitle}, page 2 of 3`).evaluate((img) => img.scrollIntoView());
  const secondPage = await buyer.waitForResponse(
    (r) => r.url().endsWith("/beacon") && /"p":2\b/.test(r.request().postData() ?? ""),
    { timeout: 20_000 },
  );
  expect(secondPage.status()).toBe(204);
  // Marketing sees the asset's rooms, reading time and where buyers stopped (before the download link
  // scrolls page 3 into view).
  await marketer.goto(`/analytics/assets/${pdfId}`);
  const engagement = marketer.getByTestId("buyer-engagement");
  await expect(engagement.getByTestId("kpi-Rooms shared in")).toHaveText("1");
  await expect(engagement.getByTestId("kpi-Opened by a buyer")).toHaveText("1 of 1 (100%)");
  await expect(engagement.getByTestId("kpi-Median read time")).toHaveText(/^\d+ s$|^\d+ min/);
  await expect(engagement.getByTestId("drop-off-summary")).toHaveText(
    "Of 1 room that read it, 0 got to the last page (page 3); most often buyers stopped at page 2 (1 room).",
  );
  await expect(engagement.getByRole("img", { name: /Page drop-off \(3 pages\)/ })).toBeVisible();
  await engagement.getByText("Show the data").click();
  const dropOff = engagement.getByTestId("drop-off-table");
  await expect(dropOff.getByRole("row", { name: "Page 1" })).toHaveText(/Page 1\s*1\s*100%\s*0/);
  await expect(dropOff.getByRole("row", { name: "Page 2" })).toHaveText(/Page 2\s*1\s*100%\s*1/);
  await expect(dropOff.getByRole("row", { name: "Page 3" })).toHaveText(/Page 3\s*0\s*0%\s*0/);

  // The buyer plays part of the video: the browser fetches it with byte ranges (206), it plays, and the
  // page reports the time it played as reading time of the video.
  const video = buyer.locator("video");
  const videoN = await video.evaluate((v) => v.closest(".asset")!.getAttribute("data-n")!);
  await video.scrollIntoViewIfNeeded();
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true; // muted, so the headless browser lets a script start it
    await v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(2);
  expect(videoRanges.some((r) => r.status === 206 && /^bytes \d+-\d+\/\d+$/.test(r.range))).toBe(true);
  // A beacon that reports at least a second of it, stored.
  const watched = new RegExp(`"a":${videoN},"p":1,"ms":\\d{4,}`);
  await expect
    .poll(() => beacons.some((b) => b.status === 204 && watched.test(b.body)), { timeout: 20_000 })
    .toBe(true);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  // Marketing sees that a buyer watched the video.
  await marketer.goto(`/analytics/assets/${videoId}`);
  const videoEngagement = marketer.getByTestId("buyer-engagement");
  await expect(videoEngagement.getByTestId("kpi-Opened by a buyer")).toHaveText("1 of 1 (100%)");
  await expect(videoEngagement.getByTestId("kpi-Median read time")).toHaveText(/^[1-9]\d* s$/);
  // A stamped PDF download.
  const downloadPromise = buyer.waitForEvent("download");
  await buyer.getByRole("link", { name: `Download ${pdfTitle}` }).click();
  const download = await downloadPromise;
  const bytes = await (await import("node:fs/promises")).readFile((await download.path())!);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain("Shared with ann@harborview.example");

  // The rep sees who opened what, and is notified.
  await rep.goto(dealUrl);
  const rooms = rep.getByRole("list", { name: "Buyer rooms" });
  await expect(rooms).toContainText("Opened by 1 visitor");
  await expect(rep.getByTestId("deal-buyer-engagement")).toContainText(/Buyers\s*1/);
  await expect(rooms.getByRole("list", { name: "Who opened what" })).toContainText("ann@harborview.example");
  await rep.goto("/notifications");
  await expect(rep.getByText(`ann@harborview.example opened “For Harborview Medical”`).first()).toBeVisible();

  // Revoking: the open page's endpoints answer 410 at once, and the page says so.
  const imageSrc = (await buyer.locator(".pages img").first().getAttribute("src"))!;
  await rep.goto(dealUrl);
  // The rep takes the brief out of the room.
  const roomItem = rep.getByRole("listitem", { name: "Room “For Harborview Medical”" });
  await roomItem.getByRole("button", { name: "Change content" }).click();
  await roomItem.getByRole("button", { name: `Remove “${briefTitle}”` }).click();
  await roomItem.getByRole("button", { name: "Save content" }).click();
  await expect(roomItem.getByText(`${pdfTitle} · ${videoTitle}`, { exact: true })).toBeVisible();
  await expect(roomItem).not.toContainText(briefTitle);
  rep.once("dialog", (d) => d.accept());
  await rep.getByRole("button", { name: "Revoke" }).click();
  await expect(rep.getByRole("list", { name: "Buyer rooms" })).toContainText("Revoked");
  const gone = await buyer.evaluate(async (src) => (await fetch(src)).status, imageSrc);
  expect(gone).toBe(410);
  await expect(buyer.getByText("This link is not available any more.")).toBeVisible({ timeout: 20_000 });
  expect((await buyer.goto(link))!.status()).toBe(410);
});

test("a rep shares an asset from its page into one of their open deals", async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const marketer = await (await browser.newContext()).newPage();
  await signInAs(marketer, "marketer");
  const title = `Lakeside ROI model ${stamp}`;
  const assetId = await publishAsset(marketer, { title, stage: "Evaluation", text: "Payback in 9 months" });

  const rep = await (await browser.newContext()).newPage();
  await signInAs(rep, "rep");
  const stages = (
    (await (await rep.request.get("/api/v1/stages")).json()) as {
      data: { id: string; name: string }[];
    }
  ).data;
  const evaluation = stages.find((s) => s.name === "Evaluation")!;
  const dealName = `Lakeside expansion ${stamp}`;
  const created = await rep.request.post("/api/v1/deals", {
    headers: fromOwnPages,
    data: { name: dealName, accountName: "Lakeside Clinics", amount: 12000, stageId: evaluation.id },
  });
  expect(created.status()).toBe(201);
  const dealId = ((await created.json()) as { id: string }).id;

  await rep.goto(`/assets/${assetId}`);
  const section = rep.getByRole("region", { name: "Share with a buyer" });
  await section.getByRole("button", { name: "Share with buyer" }).click();
  const share = section.getByRole("form", { name: "Share with buyer" });
  await expect(share.getByRole("list", { name: "Chosen content" })).toHaveText(`1. ${title}Remove`);
  await share
    .getByLabel("Deal", { exact: true })
    .selectOption({ label: `${dealName} · Lakeside Clinics · Evaluation` });
  await expect(share.getByLabel("Title")).toHaveValue("For Lakeside Clinics");
  await share.getByLabel("Ask for the visitor's email first").check();
  await share.getByLabel("Only these addresses (optional)").fill(`cfo-${stamp}@lakeside.example`);
  await share.getByLabel("E-mail the link to (optional)").fill(`cfo-${stamp}@lakeside.example`);
  await share.getByRole("button", { name: "Create link" }).click();
  const link = await section.getByLabel("Buyer link (shown once: copy it now)").inputValue();
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{32}$/);
  // Only the address the rep named passes the gate.
  const buyer = await (await browser.newContext({ userAgent: BUYER_AGENT })).newPage();
  await buyer.goto(link);
  await buyer.getByLabel("Your work email").fill(`intern-${stamp}@lakeside.example`);
  await buyer.getByRole("button", { name: "Open" }).click();
  await expect(buyer.getByRole("alert")).toHaveText(
    "This room is shared with specific people. Use the address it was sent to.",
  );
  await buyer.getByLabel("Your work email").fill(`cfo-${stamp}@lakeside.example`);
  await buyer.getByRole("button", { name: "Open" }).click();
  await expect(buyer.getByRole("heading", { name: title })).toBeVisible();
  await section.getByRole("link", { name: dealName }).click();
  // Opening the deal page can take a while on a busy machine.
  await expect(rep).toHaveURL(new RegExp(`/deals/${dealId}`), { timeout: 30_000 });
  const rooms = rep.getByRole("list", { name: "Buyer rooms" });
  await expect(rooms).toContainText("For Lakeside Clinics");
  await expect(rooms).toContainText(title);
  // The rep asked Baton to e-mail the link; the e2e server has no mail server, so it waits in the outbox.
  await expect(rooms.getByRole("list", { name: "Link e-mailed to" })).toHaveText(
    `E-mailed to cfo-${stamp}@lakeside.example: not sent: no mail server is set up (kept in the outbox)`,
  );
  await expect(
    rep.getByRole("list", { name: "Stage history" }).getByText(`Shared with buyer “${title}”`),
  ).toBeVisible();
});
