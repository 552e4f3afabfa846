import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/sign-in";

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

  test("a rep reaches search in one tap, and every page and sign-out through the menu", async ({ page }) => {
    await signInAs(page, "rep");
    await page.goto("/library");
    await expect(page.getByRole("list", { name: "Assets" })).toBeVisible();
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByRole("button", { name: "Search…" }).tap();
    await expect(page.getByRole("dialog", { name: "Quick search" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("link", { name: /^Notifications/ })).toBeVisible();

    const menu = page.getByRole("button", { name: "Menu" });
    const box = await menu.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await menu.tap();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const main = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Library", "What's new", "Deals", "Plays", "What works", "Requests", "Settings"])
      await expect(main.getByRole("link", { name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await main.getByRole("link", { name: "Deals" }).tap();
    await expect(page).toHaveURL(/\/deals$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    expect(await horizontalOverflow(page)).toBe(0);
    // Each deal is a card whose amount and owner stay on screen.
    const firstDeal = page.locator("tbody tr").first();
    await expect(firstDeal.getByText(/[$€£]/)).toBeInViewport();
    await expect(firstDeal.getByText("Rick Alvarez")).toBeInViewport();
  });

  test("search shows the results first and the filters in a drawer", async ({ page }) => {
    await signInAs(page, "rep");
    await page.goto("/search?q=security");
    await expect(page.getByRole("list", { name: "Results" })).toBeInViewport();
    await expect(page.getByRole("navigation", { name: "Filters" })).toBeHidden();
    expect(await horizontalOverflow(page)).toBe(0);

    const open = page.getByRole("button", { name: "Filters" });
    await open.tap();
    const drawer = page.getByRole("dialog", { name: "Filters" });
    await expect(drawer).toBeVisible();
    const evaluation = drawer
      .getByRole("list", { name: "Buying stage" })
      .getByRole("checkbox", { name: /Evaluation/ });
    const expected = Number((await evaluation.getByTestId("facet-count").textContent())!);
    expect((await evaluation.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await evaluation.tap();
    await expect(page).toHaveURL(/stageIds=/);
    await expect(
      drawer.getByRole("list", { name: "Buying stage" }).getByRole("checkbox", { name: /Evaluation/ }),
    ).toHaveAttribute("aria-checked", "true");
    await drawer.getByRole("button", { name: "Show results" }).tap();
    await expect(drawer).toBeHidden();
    await expect(page.getByTestId("result-count")).toHaveText(
      `${expected} ${expected === 1 ? "result" : "results"}`,
    );
    await expect(page.getByRole("button", { name: "Filters (1)" })).toBeFocused();
  });
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("an admin's grouped navigation fits one line and its menus work from the keyboard", async ({
    page,
  }) => {
    await signInAs(page, "admin");
    await page.goto("/library");
    const main = page.getByRole("navigation", { name: "Main" });
    const entries = main.locator(":scope > a, :scope > div > button");
    const tops = await entries.evaluateAll((els) =>
      els.map((el) => Math.round(el.getBoundingClientRect().top)),
    );
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tops).size).toBe(1);
    const header = await page.locator("header").first().boundingBox();
    expect(header!.height).toBeLessThan(80);
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();

    const deals = main.getByRole("button", { name: "Deals" });
    await deals.focus();
    await page.keyboard.press("Enter");
    await expect(deals).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(main.getByRole("link", { name: "Deals" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(deals).toHaveAttribute("aria-expanded", "false");
    await expect(deals).toBeFocused();

    const admin = main.getByRole("button", { name: "Admin" });
    await admin.click();
    await main.getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(admin).toHaveAttribute("aria-expanded", "false");
  });
});
