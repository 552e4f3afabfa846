import { expect, test, type Locator, type Page } from "@playwright/test";
import { publishAsset } from "./support/publish-asset";
import { fromOwnPages } from "./support/same-origin";
import { signInAs } from "./support/sign-in";

const BUYER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const WIDTHS = [390, 360] as const;

/**
 * How far the page scrolls sideways (0: not at all), with the elements that stick out (the innermost
 * ones) so a failure says what to fix. Not emulating a mobile browser on purpose: one widens its layout
 * viewport to fit overflowing content, which would hide exactly what this looks for.
 */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const out = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
      (el) =>
        el.getBoundingClientRect().right > root.clientWidth + 1 &&
        ![...el.children].some((c) => c.getBoundingClientRect().right > root.clientWidth + 1),
    );
    const what = out
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120))
      .join(" | ");
    return root.scrollWidth - root.clientWidth === 0
      ? 0
      : `${root.scrollWidth - root.clientWidth} px: ${what}`;
  });

/**
 * Every visible control inside `scope` that is a smaller touch target than 44 x 44 CSS px, as lines naming
 * it. A checkbox counts by the label wrapped around it (the label is what a thumb taps).
 */
async function smallTargets(scope: Locator): Promise<string[]> {
  return scope.evaluateAll((roots) =>
    roots.flatMap((root) =>
      [
        ...root.querySelectorAll<HTMLElement>(
          "a[href], button, input:not([type=hidden]), select, textarea, summary",
        ),
      ]
        .map((el) =>
          el instanceof HTMLInputElement && el.type === "checkbox" ? (el.closest("label") ?? el) : el,
        )
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(
          ({ el, box }) =>
            `${el.tagName.toLowerCase()} “${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}” ${Math.round(box.width)}x${Math.round(box.height)}`,
        ),
    ),
  );
}

async function atEachWidth(page: Page, check: (width: number) => Promise<void>) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    await check(width);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("rooms on a phone: the rep's room list, share forms and the buyer's page fit 360-390 px with 44 px targets", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  await signInAs(page, "marketer");
  // Long words with no break opportunity (no spaces or hyphens) are what push a narrow page sideways.
  const title = `HarborviewMedicalTotalCostOfOwnershipComparison${stamp}`;
  const assetId = await publishAsset(page, { title, stage: "Evaluation", text: "Three year view", pages: 2 });
  // The job queue renders the PDF's page images.
  await expect
    .poll(async () => (await page.request.get(`/api/v1/assets/${assetId}/pages/2`)).status(), {
      timeout: 60_000,
    })
    .toBe(200);

  const rep = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })
  ).newPage();
  await signInAs(rep, "rep");
  const stages = (
    (await (await rep.request.get("/api/v1/stages")).json()) as {
      data: { id: string; name: string }[];
    }
  ).data;
  const deal = await rep.request.post("/api/v1/deals", {
    headers: fromOwnPages,
    data: {
      name: `Harborview ${stamp}`,
      accountName: "HarborviewMedicalGroupInternationalHoldingsLLC",
      amount: 9000,
      stageId: stages.find((s) => s.name === "Evaluation")!.id,
    },
  });
  expect(deal.status()).toBe(201);
  const dealId = ((await deal.json()) as { id: string }).id;
  const room = await rep.request.post(`/api/v1/deals/${dealId}/rooms`, {
    headers: fromOwnPages,
    data: {
      title: `ForHarborviewMedicalGroupInternationalHoldings${stamp}`,
      message: `EverythingWeDiscussedOnTuesdayIncludingThe${stamp}PricingAppendix`,
      assetIds: [assetId],
      emailGate: true,
      sendTo: [`procurementandvendormanagement${stamp}@harborviewmedicalgroup.example`],
    },
  });
  expect(room.status()).toBe(201);
  const link = ((await room.json()) as { url: string }).url;

  // The buyer, on a phone: the gate, then the room.
  const buyer = await (
    await browser.newContext({
      userAgent: BUYER_AGENT,
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    })
  ).newPage();
  await buyer.goto(link);
  await atEachWidth(buyer, async (width) => {
    expect(await sidewaysScroll(buyer), `gate at ${width} px`).toBe(0);
    expect(await smallTargets(buyer.locator("body")), `gate at ${width} px`).toEqual([]);
  });
  await buyer.getByLabel("Your work email").fill(`ann-${stamp}@harborview.example`);
  await buyer.getByRole("button", { name: "Open" }).tap();
  await expect(buyer.getByAltText(`${title}, page 1 of 2`)).toBeVisible();
  await atEachWidth(buyer, async (width) => {
    expect(await sidewaysScroll(buyer), `buyer's room at ${width} px`).toBe(0);
    expect(await smallTargets(buyer.locator("body")), `buyer's room at ${width} px`).toEqual([]);
  });
  // Reading long enough to count as a buyer, so the rep's list shows a visitor line too.
  await buyer.waitForResponse((r) => r.url().endsWith("/beacon") && r.status() === 204, { timeout: 20_000 });

  // The rep's deal page: the room with its e-mail and visitor lines, then the open share form.
  await rep.goto(`/deals/${dealId}`);
  const section = rep.getByRole("region", { name: "Shared with the buyer" });
  await expect(section.getByRole("list", { name: "Link e-mailed to" })).toBeVisible();
  await expect(section.getByRole("list", { name: "Who opened what" })).toContainText(`ann-${stamp}`, {
    timeout: 20_000,
  });
  await atEachWidth(rep, async (width) => {
    expect(await sidewaysScroll(rep), `deal page at ${width} px`).toBe(0);
    expect(await smallTargets(section), `deal page rooms at ${width} px`).toEqual([]);
  });
  await section.getByRole("button", { name: "Share with buyer" }).tap();
  await section.getByLabel("Search content to share").fill(String(stamp));
  await expect(section.getByRole("button", { name: `Choose “${title}”` })).toBeVisible();
  await atEachWidth(rep, async (width) => {
    expect(await sidewaysScroll(rep), `share form at ${width} px`).toBe(0);
    expect(await smallTargets(section), `share form at ${width} px`).toEqual([]);
  });
  await section.getByRole("button", { name: `Choose “${title}”` }).tap();
  await section.getByRole("button", { name: "Create link" }).tap();
  await expect(section.getByLabel("Buyer link (shown once: copy it now)")).toBeVisible();
  await atEachWidth(rep, async (width) => {
    expect(await sidewaysScroll(rep), `new link at ${width} px`).toBe(0);
    expect(await smallTargets(section), `new link at ${width} px`).toEqual([]);
  });

  // The asset page's share card.
  await rep.goto(`/assets/${assetId}`);
  const share = rep.getByRole("region", { name: "Share with a buyer" });
  await share.getByRole("button", { name: "Share with buyer" }).tap();
  await expect(share.getByRole("form", { name: "Share with buyer" })).toBeVisible();
  await atEachWidth(rep, async (width) => {
    expect(await sidewaysScroll(rep), `asset page share form at ${width} px`).toBe(0);
    expect(await smallTargets(share), `asset page share form at ${width} px`).toEqual([]);
  });
});
