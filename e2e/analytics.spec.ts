import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";

interface ApiRow {
  assetId: string;
  title: string;
  lift: number | null;
  used: { won: number; lost: number };
}

/** Parses the dashboard's CSV (every field quoted, quotes doubled). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r\n/)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replaceAll('""', '"')));
}

test("a marketer filters the dashboard to a stage, drills from a lift into its deals and exports matching CSV", async ({
  page,
}) => {
  await signInAs(page, "marketer");

  // The stage with the most assets measured well enough to have a lift (all time), from the API.
  const stages = (await (await page.request.get("/api/v1/stages")).json()).data as {
    id: string;
    name: string;
  }[];
  let best: { stage: { id: string; name: string }; rows: ApiRow[] } | undefined;
  for (const stage of stages) {
    const res = await page.request.get(`/api/v1/analytics/assets?stageId=${stage.id}&sort=lift`);
    expect(res.status()).toBe(200);
    const rows = ((await res.json()).data as ApiRow[]).filter((r) => r.lift !== null);
    if (!best || rows.length > best.rows.length) best = { stage, rows };
  }
  expect(best!.rows.length, "the demo has assets with a measurable lift").toBeGreaterThan(0);
  const { stage } = best!;

  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /Usages, views and downloads, by week/ })).toBeVisible();
  await expect(page.getByText("Correlation is not causation")).toBeAttached();

  const filters = page.getByRole("form", { name: "Analytics filters" });
  await filters.getByLabel("Period").selectOption("all");
  await filters.getByLabel("Stage").selectOption({ label: stage.name });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`stageId=${stage.id}`));
  await expect(page.getByText(`at the ${stage.name} stage`)).toBeVisible();

  const table = page.getByTestId("top-assets");
  const first = table.locator("tbody tr").first();
  const cells = (await first.locator("td").allTextContents()).map((t) => t.trim());
  const [title, , , , , , , won, lost, , , , lift] = cells;
  const fromApi = best!.rows[0]!;
  expect(title).toBe(fromApi.title);
  expect(Number(won)).toBe(fromApi.used.won);
  expect(Number(lost)).toBe(fromApi.used.lost);
  expect(lift).toMatch(/^[+−]\d+\.\d pts$/);

  // Export first, while the table is on screen: the CSV says exactly what the screen says.
  const screen = await Promise.all(
    (await table.locator("tbody tr").all()).map(async (row) =>
      (await row.locator("td").allTextContents()).map((t) => t.trim()),
    ),
  );
  const header = (await table.locator("thead th").allTextContents()).map((t) =>
    t.replace(/:.*$/s, "").trim(),
  );
  const card = page.locator("section").filter({ has: table });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("highest-lift-assets.csv");
  const csv = parseCsv(fs.readFileSync((await download.path())!, "utf8"));
  expect(csv[0]).toEqual(header);
  expect(csv.slice(1)).toEqual(screen);

  // Drill from the lift into the deals behind it: exactly the won and lost deals counted. The link is
  // named by its figure first, then what the figure counts.
  await first.getByRole("link", { name: `${lift}: Deals behind the lift of ${title}`, exact: true }).click();
  await expect(page).toHaveURL(/\/analytics\/deals\?.*side=used/);
  await expect(
    page.getByRole("heading", { name: `Deals that used “${title}” at ${stage.name}` }),
  ).toBeVisible();
  await expect(page.getByTestId("drill-summary")).toContainText(`${won} won, ${lost} lost`);
  const outcomes = await page
    .getByTestId("drill-deals")
    .locator("tbody tr td:nth-child(3)")
    .allTextContents();
  expect(outcomes.filter((o) => o === "Won")).toHaveLength(Number(won));
  expect(outcomes.filter((o) => o === "Lost")).toHaveLength(Number(lost));
});

test("a rep sees what works at a stage but not the marketing dashboard", async ({ page }) => {
  await signInAs(page, "rep");
  await page.goto("/analytics/what-works");
  await expect(page.getByRole("heading", { name: "What works at this stage" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Analytics" })).toHaveCount(0);
  expect((await page.request.get("/api/v1/analytics/assets")).status()).toBe(403);
  const res = await page.goto("/analytics");
  expect(res?.status()).not.toBe(200);
});
