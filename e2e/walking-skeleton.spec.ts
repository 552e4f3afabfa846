import { expect, test } from "@playwright/test";
import { makePdf } from "./support/files";
import { signInAs } from "./support/sign-in";

test("marketer publishes, rep uses it in a deal and wins, marketer sees the win", async ({ browser }) => {
  const stamp = Date.now();
  const title = `Mercy Health ROI study ${stamp}`;
  const dealName = `Mercy Health expansion ${stamp}`;

  // Marketer uploads a PDF, tags it with Evaluation and publishes it.
  const marketer = await browser.newPage();
  await signInAs(marketer, "marketer");
  await marketer.goto("/assets/new");
  await marketer.locator("#file").setInputFiles({
    name: "mercy-health-roi.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf(["Mercy Health reduced claim denials by 31% in six months."]),
  });
  await expect(marketer.getByText(/mercy-health-roi\.pdf · /)).toBeVisible();
  await marketer.getByLabel("Title").fill(title);
  await marketer.getByLabel("Type").selectOption("roi_model");
  await marketer.getByLabel("Evaluation").check();
  await marketer.getByLabel(/Publish now/).check();
  await marketer.getByRole("button", { name: "Upload" }).click();
  await expect(marketer.getByRole("heading", { name: title })).toBeVisible();
  await expect(marketer.getByText("Published", { exact: true })).toBeVisible();
  const assetUrl = marketer.url();

  // Rep creates a deal at Evaluation, sees its stage recommendations, logs the new asset and wins.
  const rep = await browser.newPage();
  await signInAs(rep, "rep");
  await rep.goto("/deals");
  await rep.getByRole("button", { name: "New deal" }).click();
  const form = rep.getByRole("form", { name: "New deal" });
  await form.getByLabel("Deal name").fill(dealName);
  await form.getByLabel("Account").fill("Mercy Health");
  await form.getByLabel("Amount").fill("84000");
  await form.getByLabel("Stage").selectOption({ label: "Evaluation" });
  await form.getByRole("button", { name: "Create deal" }).click();
  await expect(rep.getByRole("heading", { name: dealName })).toBeVisible();
  await expect(rep.getByRole("heading", { name: "For this stage: Evaluation" })).toBeVisible();
  // Recommendations rank proven content first; a brand-new asset is found by its title.
  await expect(
    rep.getByRole("list", { name: "Recommended for this stage" }).getByRole("listitem").first(),
  ).toBeVisible();
  await rep.getByRole("button", { name: "Add assets used" }).click();
  await rep.getByLabel("Search assets").fill(title);
  await rep
    .getByRole("list", { name: "Assets to add" })
    .getByRole("button", { name: `Add “${title}”` })
    .click();
  await expect(
    rep.getByRole("list", { name: "Assets used" }).getByRole("link", { name: title }),
  ).toBeVisible();
  await rep.getByRole("button", { name: "Mark as won" }).click();
  await expect(rep.getByRole("heading", { name: "Outcome" })).toBeVisible();
  await expect(rep.getByText(/^Won on /)).toBeVisible();

  // Marketer opens the asset and sees it was used in one deal, won.
  await marketer.goto(assetUrl);
  await expect(marketer.getByTestId("usage-summary")).toHaveText("Used in 1 deal · 1 won · 0 lost");
});

test("a rejected upload shows why and creates nothing", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.goto("/assets/new");
  await page.locator("#file").setInputFiles({
    name: "pricing.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("just some text, not a PDF"),
  });
  await page.getByLabel("Title").fill("Fake PDF");
  await page.getByLabel("Discovery").check();
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator("form").getByRole("alert").first()).toContainText("is not a PDF file");
  await expect(page).toHaveURL(/\/assets\/new$/);
  await page.goto("/library");
  await expect(page.getByRole("link", { name: "Fake PDF" })).toHaveCount(0);
});

test("uploading the same file again offers the existing asset", async ({ page }) => {
  await signInAs(page, "marketer");
  const pdf = await makePdf([`Duplicate check ${Date.now()}`]);
  const upload = async (title: string) => {
    await page.goto("/assets/new");
    await page
      .locator("#file")
      .setInputFiles({ name: "one-pager.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Awareness").check();
    await page.getByRole("button", { name: "Upload" }).click();
  };
  await upload("Original one-pager");
  await expect(page.getByRole("heading", { name: "Original one-pager" })).toBeVisible();
  const originalUrl = page.url();
  await upload("Second copy");
  await expect(page.locator("form").getByRole("alert").first()).toContainText(
    "This file is already in the library as “Original one-pager”",
  );
  await page.getByRole("link", { name: "Open the existing asset" }).click();
  await expect(page).toHaveURL(originalUrl);
});

test("a marketer replaces the file with a new version and the history keeps both", async ({ page }) => {
  await signInAs(page, "marketer");
  const title = `Security FAQ ${Date.now()}`;
  await page.goto("/assets/new");
  await page.locator("#file").setInputFiles({
    name: "faq-v1.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf([`${title} v1`]),
  });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Negotiation").check();
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  const form = page.getByRole("form", { name: "Upload a new version" });
  await form.getByLabel("New file").setInputFiles({
    name: "faq-v2.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf([`${title} v2`]),
  });
  await form.getByLabel("What changed (optional)").fill("Added SOC 2 answers");
  await form.getByRole("button", { name: "Upload new version" }).click();
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").first()).toContainText("Version 2 · faq-v2.pdf");
  await expect(versions.getByRole("listitem").first()).toContainText("Added SOC 2 answers");
  await expect(page.getByText(/faq-v2\.pdf · .* · version 2/)).toBeVisible();
});
