import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "./support/files";
import { signInAs } from "./support/sign-in";

/**
 * Chromium's DevTools network throttling slows the request body too, so the browser reports real,
 * gradual upload progress and an upload is still running when the test acts on it.
 */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  };
}

/** About `bytes` of UTF-8 text, unique to this run so no upload is taken for a duplicate. */
function textOfSize(firstLine: string, line: string, bytes: number) {
  const lines = [firstLine];
  for (let size = firstLine.length; size < bytes; size += line.length + 1) lines.push(line);
  return Buffer.from(lines.join("\n"));
}

test("a marketer uploads several files at once, each with its own progress and outcome", async ({ page }) => {
  const stamp = Date.now();
  await signInAs(page, "marketer");
  await page.goto("/assets/new");

  const files = [
    {
      name: "field-notes_q3.md",
      mimeType: "text/markdown",
      buffer: textOfSize(`# Field notes ${stamp}`, "- Buyers ask about SSO and audit logs first.", 150_000),
    },
    {
      name: "win-rates-by-segment.csv",
      mimeType: "text/csv",
      buffer: textOfSize(`segment,deals,won,run ${stamp}`, "mid-market,42,17,", 150_000),
    },
    {
      name: "mercy-roi-study.pdf",
      mimeType: "application/pdf",
      buffer: await makePdf([`Mercy Health ROI study ${stamp}`, "Claim denials down 31% in six months."]),
    },
    { name: "slides.pdf", mimeType: "application/pdf", buffer: Buffer.from(`just text ${stamp}, not a PDF`) },
  ];
  await page.locator("#file").setInputFiles(files);

  const queue = page.getByRole("list", { name: "Files to upload" });
  const row = (name: string) => queue.getByRole("listitem").filter({ hasText: `${name} · ` });
  await expect(queue.getByRole("listitem")).toHaveCount(4);
  await expect(row("field-notes_q3.md")).toContainText(/field-notes_q3\.md · 14\d\.\d KB/);
  await expect(row("mercy-roi-study.pdf")).toContainText(/mercy-roi-study\.pdf · \d+ B/);
  await expect(page.getByLabel("Title for field-notes_q3.md")).toHaveValue("field notes q3");
  await expect(page.getByLabel("Title for win-rates-by-segment.csv")).toHaveValue("win rates by segment");

  const titles = {
    "field-notes_q3.md": `Field notes ${stamp}`,
    "win-rates-by-segment.csv": `Win rates by segment ${stamp}`,
    "mercy-roi-study.pdf": `Mercy ROI study ${stamp}`,
    "slides.pdf": `Not really slides ${stamp}`,
  };
  for (const [name, title] of Object.entries(titles)) await page.getByLabel(`Title for ${name}`).fill(title);
  await page.getByLabel("Type").selectOption("case_study");

  // Shared fields are checked before anything is sent.
  await page.getByRole("button", { name: "Upload 4 files" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Tag at least one buying stage");
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(row("slides.pdf").getByText("Ready", { exact: true })).toBeVisible();

  await page.getByLabel("Evaluation").check();
  await throttleUploads(page, 64 * 1024);
  await page.getByRole("button", { name: "Upload 4 files" }).click();

  // Two at a time: the two larger text files send while the PDFs wait their turn.
  const notesBar = page.getByRole("progressbar", { name: "Uploading field-notes_q3.md" });
  await expect(notesBar).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Uploading win-rates-by-segment.csv" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(2);
  await expect(row("mercy-roi-study.pdf").getByText("Waiting", { exact: true })).toBeVisible();
  await expect(row("slides.pdf").getByText("Waiting", { exact: true })).toBeVisible();
  // Caught part-way: polled often enough that a busy machine cannot skip from 0 straight past 100.
  await expect
    .poll(
      async () => {
        const now = Number(await notesBar.getAttribute("aria-valuenow"));
        return now > 0 && now < 100;
      },
      { timeout: 5_000, intervals: [50] },
    )
    .toBe(true);

  for (const name of ["field-notes_q3.md", "win-rates-by-segment.csv", "mercy-roi-study.pdf"] as const) {
    await expect(row(name).getByRole("link", { name: `Open ${titles[name]}` })).toBeVisible({
      timeout: 20_000,
    });
  }
  await expect(row("slides.pdf").getByRole("alert")).toHaveText(
    "The file is named .pdf but its content is not a PDF file.",
  );
  await expect(page.getByRole("status").filter({ hasText: "uploaded" })).toHaveText("3 uploaded, 1 failed");
  await expect(page).toHaveURL(/\/assets\/new$/);

  await row("mercy-roi-study.pdf")
    .getByRole("link", { name: `Open ${titles["mercy-roi-study.pdf"]}` })
    .click();
  await expect(page.getByRole("heading", { name: titles["mercy-roi-study.pdf"] })).toBeVisible();
});

test("cancelling one upload saves nothing, and retrying it uploads the file", async ({ page, context }) => {
  const stamp = Date.now();
  const title = `Webinar transcript ${stamp}`;
  await signInAs(page, "marketer");
  await page.goto("/assets/new");
  await page.locator("#file").setInputFiles({
    name: "webinar-transcript.txt",
    mimeType: "text/plain",
    buffer: textOfSize(`Transcript ${stamp}`, "Speaker: and that is how the rollout went.", 6 * 1024 * 1024),
  });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Discovery").check();
  const unthrottle = await throttleUploads(page, 256 * 1024);
  await page.getByRole("button", { name: "Upload 1 file" }).click();

  const bar = page.getByRole("progressbar", { name: "Uploading webinar-transcript.txt" });
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Cancel webinar-transcript.txt" }).click();

  const row = page.getByRole("list", { name: "Files to upload" }).getByRole("listitem");
  await expect(row.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(page).toHaveURL(/\/assets\/new$/);

  const library = await context.newPage();
  await library.goto("/library");
  await expect(library.getByRole("list", { name: "Assets" })).toBeVisible();
  await expect(library.getByRole("link", { name: title })).toHaveCount(0);
  await library.close();

  // A retried single file goes to its new asset, like any one-file upload.
  await unthrottle();
  await page.getByRole("button", { name: "Retry webinar-transcript.txt" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 20_000 });
});
