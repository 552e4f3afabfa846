import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r\n/)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"')));
}

test("a marketer compares plays, drills into the deals that ran one, and exports matching CSV", async ({
  page,
}) => {
  await signInAs(page, "marketer");
  await page.goto("/analytics/plays?range=all");
  await expect(page.getByRole("heading", { name: "Plays", level: 1 })).toBeVisible();
  const table = page.getByTestId("play-effectiveness");
  const row = table.locator("tbody tr").filter({ hasText: "Competitive displacement" });
  const cells = (await row.locator("td").allTextContents()).map((t) => t.trim());
  const [name, , , , won, lost] = cells;
  expect(name).toBe("Competitive displacement");

  const screen = await Promise.all(
    (await table.locator("tbody tr").all()).map(async (r) =>
      (await r.locator("td").allTextContents()).map((t) => t.trim()),
    ),
  );
  const card = page.locator("section").filter({ has: table });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("play-effectiveness.csv");
  expect(parseCsv(fs.readFileSync((await download.path())!, "utf8")).slice(1)).toEqual(screen);

  // The won figure links to the deals that ran the play; its name starts with the figure.
  await row
    .getByRole("link", { name: `${won}: Deals that ran Competitive displacement`, exact: true })
    .click();
  await expect(
    page.getByRole("heading", { name: "Deals that ran “Competitive displacement”" }),
  ).toBeVisible();
  await expect(page.getByTestId("drill-summary")).toContainText(`${won} won, ${lost} lost`);
});

test("search insight shows open field demand by stage, linking to the request board", async ({ page }) => {
  await signInAs(page, "marketer");
  await page.goto("/analytics/search");
  const panel = page.getByRole("region", { name: "Content gaps: open field requests" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("link", { name: "Open the request board" })).toHaveAttribute(
    "href",
    "/requests",
  );
  await expect(panel.getByTestId("demand-by-stage").locator("tbody tr").first()).toBeVisible();
});
