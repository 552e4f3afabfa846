import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

const stageOrder = ["Awareness", "Discovery", "Evaluation", "Proposal", "Negotiation", "Closing"];

test("a marketer filters My content by status and finds an expired asset under Needs attention", async ({
  page,
}) => {
  await signInAs(page, "marketer");
  await page.goto("/content");
  await expect(page.getByRole("heading", { name: "My content" })).toBeVisible();
  const main = page.getByRole("navigation", { name: "Main" });
  // A marketer's navigation is grouped: the Content menu carries the count and holds Needs attention.
  const content = main.getByRole("button", { name: /^Content \(\d+ items? needs? attention\)$/ });
  await content.click();
  await expect(content).toHaveAttribute("aria-expanded", "true");
  await expect(
    main.getByRole("link", { name: /^Needs attention \(\d+ items? needs? attention\)$/ }),
  ).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(content).toHaveAttribute("aria-expanded", "false");
  await expect(content).toBeFocused();

  const tabs = page.getByRole("navigation", { name: "Status" });
  const table = page.getByRole("table", { name: "Content" });
  const rows = table.locator("tbody tr");
  await expect(tabs.getByRole("link", { name: /^All \d+$/ })).toHaveAttribute("aria-current", "page");
  const allCount = await rows.count();

  // Expired: the URL carries the filter, and every row is an expired asset.
  await tabs.getByRole("link", { name: /^Expired \d+$/ }).click();
  await expect(page).toHaveURL(/\/content\?status=expired$/);
  await expect(tabs.getByRole("link", { name: /^Expired/ })).toHaveAttribute("aria-current", "page");
  const expiredTab = await tabs.getByRole("link", { name: /^Expired/ }).textContent();
  const expiredCount = Number(expiredTab!.replace(/\D/g, ""));
  expect(expiredCount).toBeGreaterThan(0);
  await expect(rows).toHaveCount(expiredCount);
  expect(expiredCount).toBeLessThan(allCount);
  for (const status of await rows.locator("td:nth-child(4)").allTextContents())
    expect(status).toBe("Expired");
  const expiredTitle = (await rows.first().getByRole("link").first().textContent())!.trim();

  // Draft: a different list.
  await tabs.getByRole("link", { name: /^Draft \d+$/ }).click();
  await expect(page).toHaveURL(/\/content\?status=draft$/);
  await expect(tabs.getByRole("link", { name: /^Draft/ })).toHaveAttribute("aria-current", "page");
  await expect(table.getByRole("link", { name: expiredTitle, exact: true })).toHaveCount(0);
  for (const status of await rows.locator("td:nth-child(4)").allTextContents()) expect(status).toBe("Draft");

  // Everyone's keeps the status filter.
  await page.getByRole("navigation", { name: "Owner" }).getByRole("link", { name: "Everyone's" }).click();
  await expect(page).toHaveURL(/\/content\?status=draft&owner=all$/);
  await expect(table.getByRole("columnheader", { name: "Owner" })).toBeVisible();

  // The same expired asset is flagged to its owner.
  await content.click();
  await main.getByRole("link", { name: /^Needs attention/ }).click();
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  const expired = page.getByRole("region", { name: "Expired" });
  await expect(expired.getByRole("link", { name: expiredTitle, exact: true })).toBeVisible();
  await expect(expired.getByText(/^Expired .* ago/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Review due" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Processing failed" })).toBeVisible();
});

test("a rep sees recently published assets grouped by buying stage", async ({ page }) => {
  await signInAs(page, "rep");
  await page.goto("/library");
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "My content" })).toHaveCount(0);
  await main.getByRole("link", { name: "What's new" }).click();
  await expect(page).toHaveURL(/\/whats-new$/);
  await expect(page.getByRole("heading", { name: "What's new" })).toBeVisible();

  // Stage groups only: announcements, when there are any, come first under their own heading.
  const headings = page
    .getByRole("main")
    .getByRole("heading", { level: 2 })
    .filter({ hasNotText: /^Announcements$/ });
  await expect(headings.first()).toBeVisible();
  const stages = (await headings.allTextContents()).map((h) => h.replace(/\s*\(\d+ new\)$/, ""));
  expect(stages.length).toBeGreaterThan(0);
  const positions = stages.map((s) => stageOrder.indexOf(s));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  const firstGroup = page.getByRole("list", { name: `New for ${stages[0]}` });
  await expect(firstGroup.getByRole("listitem").first()).toContainText("Published");

  // A wider window never shows less.
  const items = page.locator('ul[aria-label^="New for"] > li');
  const recent = await items.count();
  await page
    .getByRole("navigation", { name: "Published since" })
    .getByRole("link", { name: "90 days" })
    .click();
  await expect(page).toHaveURL(/\/whats-new\?since=90$/);
  await expect(
    page.getByRole("navigation", { name: "Published since" }).getByRole("link", { name: "90 days" }),
  ).toHaveAttribute("aria-current", "page");
  expect(await items.count()).toBeGreaterThanOrEqual(recent);
});
