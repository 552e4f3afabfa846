import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { makePdf } from "./support/files";
import { fromOwnPages } from "./support/same-origin";
import { signInAs } from "./support/sign-in";

/**
 * The two journeys of issue #18 at the sizes people use them: a rep on a phone (390 x 844) finds an asset
 * for the stage a deal is in, opens it and logs it as used; a marketer on a laptop (1280 x 800) uploads,
 * publishes and sees the asset's analytics. Each step is checked for sideways scrolling and kept as a
 * screenshot in the test's output folder (test-results/), attached to the report.
 */
async function step(page: Page, info: TestInfo, name: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: the page scrolls sideways`).toBe(0);
  const path = info.outputPath(`${String(info.attachments.length + 1).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: "image/png" });
}

async function expectTouchTarget(control: Locator) {
  const box = await control.boundingBox();
  expect(box, "the control is on screen").not.toBeNull();
  expect(box!.height, "touch target height").toBeGreaterThanOrEqual(44);
}

test.describe("a rep on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("finds an asset for the deal's stage, opens it and logs it as used", async ({ page }, info) => {
    await signInAs(page, "rep");
    const dealName = `Harbor Freight renewal ${Date.now()}`;
    await page.goto("/deals");
    await step(page, info, "deals");
    const newDeal = page.getByRole("button", { name: "New deal" });
    await expectTouchTarget(newDeal);
    await newDeal.tap();
    const form = page.getByRole("form", { name: "New deal" });
    await form.getByLabel("Deal name").fill(dealName);
    await form.getByLabel("Account").fill("Harbor Freight");
    await form.getByLabel("Amount").fill("42000");
    await form.getByLabel("Stage").selectOption({ label: "Evaluation" });
    await step(page, info, "new-deal-form");
    await form.getByRole("button", { name: "Create deal" }).tap();
    await expect(page.getByRole("heading", { name: dealName })).toBeVisible();
    const dealUrl = page.url();

    // The deal page recommends content for its stage; the rep opens the first recommendation.
    await expect(page.getByRole("heading", { name: "For this stage: Evaluation" })).toBeVisible();
    const recommended = page
      .getByRole("list", { name: "Recommended for this stage" })
      .getByRole("link")
      .first();
    const title = (await recommended.textContent())!.trim();
    await recommended.scrollIntoViewIfNeeded();
    await step(page, info, "deal-recommendations");
    await expectTouchTarget(recommended);
    await recommended.tap();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await step(page, info, "asset");

    // Logged in two taps from the asset page: "Used this in a deal", then the deal.
    const used = page.getByRole("button", { name: "Used this in a deal" });
    await expectTouchTarget(used);
    await used.tap();
    const deal = page
      .getByRole("list", { name: "Your open deals" })
      .getByRole("button", { name: new RegExp(dealName) });
    await expectTouchTarget(deal);
    await step(page, info, "choose-deal");
    await deal.tap();
    await expect(page.getByRole("status").filter({ hasText: "Logged as" })).toContainText(
      `Logged as sent in ${dealName}`,
    );
    await step(page, info, "logged");

    // Back on the deal, the asset is listed as used and the recommendation says so.
    await page.goto(dealUrl);
    await expect(
      page.getByRole("list", { name: "Assets used" }).getByRole("link", { name: title }),
    ).toBeVisible();
    await expect(
      page
        .getByRole("list", { name: "Recommended for this stage" })
        .getByRole("listitem")
        .filter({ hasText: title }),
    ).toContainText("Used");
    await step(page, info, "deal-after");
  });
});

test.describe("a marketer on a laptop", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("uploads and publishes an asset, then sees its analytics", async ({ browser, page }, info) => {
    const title = `Northwind field guide ${Date.now()}`;
    await signInAs(page, "marketer");
    await page.goto("/assets/new");
    // The grouped navigation fits on one line at this width.
    const nav = page.getByRole("navigation", { name: "Main" });
    const navBox = await nav.boundingBox();
    expect(navBox!.height, "the navigation stays on one line").toBeLessThan(60);
    await page.locator("#file").setInputFiles({
      name: "field-guide.pdf",
      mimeType: "application/pdf",
      buffer: await makePdf(["How Northwind reps win renewals: a field guide with three proven plays."]),
    });
    await expect(page.getByText(/field-guide\.pdf · /)).toBeVisible();
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Type").selectOption("one_pager");
    await page.getByLabel("Evaluation").check();
    await page.getByLabel(/Publish now/).check();
    await step(page, info, "upload-form");
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByText("Published", { exact: true })).toBeVisible();
    const assetUrl = page.url();
    const assetId = assetUrl.split("/assets/")[1]!.split(/[?#]/)[0]!;
    await step(page, info, "published");

    // A rep uses it in a deal (through the API, as the CRM sync or the rep's own client would).
    const rep = await (await browser.newContext()).newPage();
    await signInAs(rep, "rep");
    const stages = (await (await rep.request.get("/api/v1/stages")).json()) as {
      data: { id: string; name: string }[];
    };
    const evaluation = stages.data.find((s) => s.name === "Evaluation")!;
    const created = await rep.request.post("/api/v1/deals", {
      headers: fromOwnPages,
      data: {
        name: `Field guide deal ${Date.now()}`,
        accountName: "Contoso",
        amount: 30000,
        stageId: evaluation.id,
      },
    });
    expect(created.status()).toBe(201);
    const dealId = ((await created.json()) as { id: string }).id;
    const logged = await rep.request.post(`/api/v1/deals/${dealId}/usages`, {
      headers: fromOwnPages,
      data: { assetId, kind: "sent" },
    });
    expect(logged.status()).toBe(201);

    // The marketer sees the usage in the asset's analytics.
    await page.goto(`/analytics/assets/${assetId}`);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await expect(page.getByTestId("kpi-Usages")).toHaveText("1");
    await expect(page.getByTestId("kpi-Deals / reps")).toHaveText("1 / 1");
    await step(page, info, "analytics");
  });
});
