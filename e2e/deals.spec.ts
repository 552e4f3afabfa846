import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

async function newDeal(page: import("@playwright/test").Page, name: string, stage = "Evaluation") {
  await page.goto("/deals");
  await page.getByRole("button", { name: "New deal" }).click();
  const form = page.getByRole("form", { name: "New deal" });
  await form.getByLabel("Deal name").fill(name);
  await form.getByLabel("Account").fill("Keystone Credit Union");
  await form.getByLabel("Amount").fill("56000");
  await form.getByLabel("Stage").selectOption({ label: stage });
  await form.getByRole("button", { name: "Create deal" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return page.url();
}

test("a rep logs usage from the asset page and from the deal page in two clicks each", async ({ page }) => {
  await signInAs(page, "rep");
  const dealName = `Keystone data platform ${Date.now()}`;
  const dealUrl = await newDeal(page, dealName);

  // Asset page: "Used this in a deal", then the deal. (A seeded talk track, so parallel specs that
  // upload their own assets are not disturbed.)
  await page.goto("/library");
  const firstAsset = page
    .getByRole("list", { name: "Assets" })
    .getByRole("link", { name: /^Talk track:/ })
    .first();
  const assetTitle = (await firstAsset.textContent())!.trim();
  await firstAsset.click();
  await page.getByRole("button", { name: "Used this in a deal" }).click();
  await page
    .getByRole("list", { name: "Your open deals" })
    .getByRole("button", { name: new RegExp(dealName) })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Logged as" })).toContainText(
    `Logged as sent in ${dealName}`,
  );

  // Deal page: "Add assets used", then the asset.
  await page.goto(dealUrl);
  const used = page.getByRole("list", { name: "Assets used" });
  await expect(used.getByRole("link", { name: assetTitle })).toBeVisible();
  await page.getByRole("button", { name: "Add assets used" }).click();
  await page.getByLabel("Search assets").fill("Battlecard");
  const picker = page.getByRole("list", { name: "Assets to add" });
  const add = picker.getByRole("button", { name: /^Add “Battlecard/ }).first();
  const added = (await add.getAttribute("aria-label"))!.replace(/^Add “|”$/g, "");
  await add.click();
  await expect(used.getByRole("link", { name: added })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Stage history" }).getByText(`Sent “${added}” at Evaluation`),
  ).toBeVisible();

  // The author corrects the buyer's reaction, then removes a usage.
  await used.getByLabel("Buyer reaction").first().selectOption("positive");
  await expect(used.getByText(/buyer positive/)).toBeVisible();
  await used.getByRole("button", { name: `Remove “${added}”` }).click();
  await expect(used.getByRole("link", { name: added })).toHaveCount(0);
});

test("a rep closes a deal as lost with a reason, then reopens it", async ({ page }) => {
  await signInAs(page, "rep");
  await newDeal(page, `Keystone lost deal ${Date.now()}`, "Proposal");
  await page.getByRole("button", { name: "Edit details" }).click();
  const edit = page.getByRole("form", { name: "Edit deal" });
  await edit.getByLabel("Amount").fill("61500");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Keystone Credit Union · \$61,500 · owned by/)).toBeVisible();
  await page.getByLabel("Lost").check();
  await page.getByRole("button", { name: "Mark as lost" }).click();
  await expect(page.getByText("Choose why the deal was lost")).toBeVisible();
  await page.getByLabel("Loss reason").selectOption({ label: "Lost to competitor" });
  await page.getByLabel("Note (optional)").fill("Went with Contoso on price");
  await page.getByRole("button", { name: "Mark as lost" }).click();
  await expect(page.getByText(/^Lost — Lost to competitor on /)).toBeVisible();
  await expect(page.getByText("Went with Contoso on price")).toBeVisible();
  const history = page.getByRole("list", { name: "Stage history" });
  await expect(history.getByText("Lost", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Reopen deal" }).click();
  await expect(page.getByRole("heading", { name: "Close the deal" })).toBeVisible();
});

test("a rep imports a HubSpot export and sees the bad row's line and problem", async ({ page }) => {
  await signInAs(page, "rep");
  const stamp = Date.now();
  const csv = [
    "\uFEFFRecord ID,Deal Name,Associated Company,Amount,Deal Stage,Close Date",
    `hs-${stamp}-1,"Copperleaf, EU rollout",Copperleaf Outfitters,"$48,000",presentationscheduled,6/30/2026`,
    `hs-${stamp}-2,FreshCart expansion,FreshCart Grocers,lots,contractsent,7/15/2026`,
    `hs-${stamp}-3,Marlow & Finch pilot,Marlow & Finch,"1.250,00",closedwon,2026-03-01`,
  ].join("\r\n");
  await page.goto("/deals");
  await page.getByRole("link", { name: "Import from CRM" }).click();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "hubspot-deals.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("heading", { name: /Columns/ })).toContainText("detected as hubspot");
  await expect(page.getByLabel("presentationscheduled (1)")).toHaveValue(/\|$/);
  await page.getByRole("button", { name: "Import hubspot-deals.csv" }).click();
  const report = page.getByRole("status").filter({ hasText: "Import finished" });
  await expect(report).toBeVisible();
  await expect(report.getByText("Created")).toBeVisible();
  const errors = report.getByRole("table", { name: "Rows not imported" });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await expect(errors.getByRole("cell", { name: "Amount “lots” is not a number" })).toBeVisible();

  await page.goto(`/deals?scope=mine&q=${encodeURIComponent("Copperleaf, EU")}`);
  await expect(page.getByRole("link", { name: "Copperleaf, EU rollout" })).toBeVisible();
});
