import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "./support/files";
import { signInAs } from "./support/sign-in";

async function uploadDraft(page: Page, title: string) {
  await page.goto("/assets/new");
  await page.locator("#file").setInputFiles({
    name: "bulk.pdf",
    mimeType: "application/pdf",
    buffer: await makePdf([title, "A one-pager for the bulk edit spec."]),
  });
  await expect(page.getByText(/bulk\.pdf · /)).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Type").selectOption("one_pager");
  await page.getByLabel("Awareness").check();
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  return page.url();
}

test("a marketer renames and merges tags, then bulk-tags two library assets", async ({ page }) => {
  const stamp = Date.now();
  const typo = `Fintec ${stamp}`;
  const fintech = `Fintech ${stamp}`;
  const banking = `Banking ${stamp}`;
  await signInAs(page, "marketer");

  await page.goto("/library");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Taxonomy" }).click();
  await expect(page.getByRole("heading", { name: "Taxonomy" })).toBeVisible();
  const industries = page.getByRole("list", { name: "Industries" });
  await expect(industries.getByText("Healthcare", { exact: true })).toBeVisible();

  for (const name of [typo, banking]) {
    const add = page.getByRole("form", { name: "Add to Industries" });
    await add.getByLabel("New industry").fill(name);
    await add.getByRole("button", { name: "Add" }).click();
    await expect(industries.getByText(name, { exact: true })).toBeVisible();
  }

  // Rename: a clash with another industry is refused with a clear message, then the real fix goes through.
  await page.getByRole("button", { name: `Rename ${typo}` }).click();
  const rename = page.getByRole("form", { name: `Rename ${typo}` });
  await rename.getByLabel("New name").fill("healthcare");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByRole("alert")).toHaveText("“Healthcare” is already in Industries");
  // The error marks the field and is what a screen reader reads with it.
  await expect(rename.getByLabel("New name")).toHaveAttribute("aria-invalid", "true");
  await expect(rename.getByLabel("New name")).toHaveAccessibleDescription(
    "“Healthcare” is already in Industries",
  );
  await rename.getByLabel("New name").fill(fintech);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(industries.getByText(fintech, { exact: true })).toBeVisible();
  await expect(industries.getByText(typo, { exact: true })).toHaveCount(0);

  // Merge Banking into Fintech.
  await page.getByRole("button", { name: `Merge ${banking}` }).click();
  const merge = page.getByRole("form", { name: `Merge ${banking}` });
  await merge.getByLabel(`Merge “${banking}” into`).selectOption({ label: fintech });
  await merge.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByText(`Merged “${banking}” into “${fintech}”`)).toBeVisible();
  await expect(industries.getByText(banking, { exact: true })).toHaveCount(0);

  // Bulk edit two fresh assets on the library page.
  const titles = [`Bulk one-pager A ${stamp}`, `Bulk one-pager B ${stamp}`];
  const urls = [await uploadDraft(page, titles[0]!), await uploadDraft(page, titles[1]!)];
  await page.goto("/library");
  for (const title of titles) await page.getByLabel(`Select ${title}`).check();
  const bar = page.getByRole("region", { name: "Bulk edit" });
  await expect(bar).toContainText("2 assets selected");
  await bar.getByLabel("Buying stage").selectOption({ label: "Closing" });
  await bar.getByRole("button", { name: "Add stage" }).click();
  await expect(bar.getByRole("status")).toHaveText("Added Closing to 2 assets");
  await bar.getByLabel("Tag", { exact: true }).selectOption({ label: fintech });
  await bar.getByRole("button", { name: "Add tag" }).click();
  await expect(bar.getByRole("status")).toHaveText(`Tagged 2 assets with ${fintech}`);
  for (const title of titles) {
    await expect(page.getByRole("list", { name: `Tags of ${title}` })).toHaveText(fintech);
  }

  for (const url of urls) {
    await page.goto(url);
    await expect(page.getByText("Awareness · Closing", { exact: true })).toBeVisible();
  }

  // The taxonomy page counts the two assets now carrying the merged tag.
  await page.goto("/settings/taxonomy");
  await expect(industries.getByRole("listitem").filter({ hasText: fintech })).toContainText(
    "2 assets · 0 deals",
  );

  // Reorder from the keyboard: focus stays on the button, the tag moves up one place.
  const renameButtons = industries.getByRole("button", { name: /^Rename / });
  const names = () =>
    renameButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")!.slice(7)));
  const before = await names();
  expect(before.at(-1)).toBe(fintech);
  const up = page.getByRole("button", { name: `Move ${fintech} up` });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect.poll(names).toEqual([...before.slice(0, -2), fintech, before.at(-2)!]);
  await expect(up).toBeFocused();

  // Deleting a tag in use asks what to do with the assets that carry it.
  await page.getByRole("button", { name: `Delete ${fintech}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete “${fintech}”?` });
  await expect(dialog).toContainText("It is used by 2 assets and 0 deals. What should happen to them?");
  await dialog.getByLabel("Remove it from them").check();
  await dialog.getByRole("button", { name: "Remove and delete" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(industries.getByText(fintech, { exact: true })).toHaveCount(0);
  await page.goto("/library");
  for (const title of titles)
    await expect(page.getByRole("list", { name: `Tags of ${title}` })).toHaveCount(0);
});

test("reps see no bulk edit and cannot open the taxonomy page", async ({ page }) => {
  await signInAs(page, "rep");
  await page.goto("/library");
  await expect(page.getByRole("list", { name: "Assets" })).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const tabs = page.getByRole("navigation", { name: "Settings" });
  await expect(tabs.getByRole("link", { name: "API tokens" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Taxonomy" })).toHaveCount(0);
  const response = await page.goto("/settings/taxonomy");
  expect(response?.status()).toBe(403);
});
