import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "./support/files";
import { signInAs } from "./support/sign-in";
import { fromOwnPages } from "./support/same-origin";

async function stageId(page: Page, name: string) {
  const body = (await (await page.request.get("/api/v1/stages")).json()) as {
    data: { id: string; name: string }[];
  };
  return body.data.find((s) => s.name === name)!.id;
}

test("a rep finds a published PDF by a word that appears only inside the file", async ({ browser }) => {
  const marketer = await (await browser.newContext()).newPage();
  const rep = await (await browser.newContext()).newPage();
  await signInAs(marketer, "marketer");
  await signInAs(rep, "rep");
  // Letters only, sharing nothing with the title: a typo-tolerant match on the title must not find it.
  const word = `zephyrquill${Array.from({ length: 8 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("")}`;
  const title = `Regulated onboarding guide ${Date.now()}`;
  const created = await marketer.request.post("/api/v1/assets", {
    headers: fromOwnPages,
    multipart: {
      metadata: JSON.stringify({
        title,
        type: "one_pager",
        stageIds: [await stageId(marketer, "Proposal")],
        status: "published",
      }),
      file: {
        name: "guide.pdf",
        mimeType: "application/pdf",
        buffer: await makePdf([
          "Onboarding in regulated industries",
          `Internal code name ${word} for the rollout`,
        ]),
      },
    },
  });
  expect(created.status()).toBe(201);
  // The text is searchable once the background job has extracted it.
  await expect
    .poll(
      async () =>
        ((await (await rep.request.get(`/api/v1/assets?q=${word}&record=false`)).json()) as { total: number })
          .total,
      { timeout: 45_000, intervals: [500, 1000] },
    )
    .toBe(1);

  await rep.goto("/library");
  await rep.keyboard.press("Control+k");
  const palette = rep.getByRole("dialog", { name: "Quick search" });
  await palette.getByRole("combobox", { name: "Search assets" }).fill(word);
  await expect(palette.getByRole("option", { name: new RegExp(title) })).toBeVisible();
  await palette.getByRole("combobox", { name: "Search assets" }).press("Enter");
  await expect(rep).toHaveURL(new RegExp(`/search\\?q=${word}`));
  const results = rep.getByRole("list", { name: "Results" });
  await expect(results.getByRole("link", { name: title })).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(word);
  await results.getByRole("link", { name: title }).click();
  await expect(rep.getByRole("heading", { name: title })).toBeVisible();
});

test("a rep narrows by stage and industry with counts updating, and a copied link shows the same results", async ({
  page,
  browser,
}) => {
  await signInAs(page, "rep");
  await page.goto("/search");
  const filters = page.getByRole("navigation", { name: "Filters" });
  const count = page.getByTestId("result-count");
  const total = Number((await count.textContent())!.replace(/\D/g, ""));

  const evaluation = filters
    .getByRole("list", { name: "Buying stage" })
    .getByRole("checkbox", { name: /Evaluation/ });
  const evaluationCount = Number((await evaluation.getByTestId("facet-count").textContent())!);
  await evaluation.click();
  await expect(page).toHaveURL(/stageIds=/);
  await expect(count).toHaveText(`${evaluationCount} results`);
  expect(evaluationCount).toBeLessThan(total);

  const healthcare = filters
    .getByRole("list", { name: "Industry" })
    .getByRole("checkbox", { name: /Healthcare/ });
  const healthcareCount = Number((await healthcare.getByTestId("facet-count").textContent())!);
  await healthcare.click();
  await expect(page).toHaveURL(/industryIds=/);
  await expect(count).toHaveText(`${healthcareCount} ${healthcareCount === 1 ? "result" : "results"}`);
  expect(healthcareCount).toBeLessThanOrEqual(evaluationCount);
  await expect(
    filters.getByRole("list", { name: "Buying stage" }).getByRole("checkbox", { name: /Evaluation/ }),
  ).toHaveAttribute("aria-checked", "true");

  const titles = await page.getByRole("list", { name: "Results" }).getByRole("link").allTextContents();
  const shared = await (await browser.newContext()).newPage();
  await signInAs(shared, "rep");
  await shared.goto(page.url());
  await expect(shared.getByTestId("result-count")).toHaveText((await count.textContent())!);
  expect(await shared.getByRole("list", { name: "Results" }).getByRole("link").allTextContents()).toEqual(
    titles,
  );
});

test("a typo still finds the battlecards, and a deal shows recommendations for its stage", async ({
  page,
}) => {
  await signInAs(page, "rep");
  await page.goto("/search?q=battlecrad");
  await expect(
    page
      .getByRole("list", { name: "Results" })
      .getByRole("link", { name: /Battlecard/ })
      .first(),
  ).toBeVisible();

  await page.goto("/deals?scope=mine&status=open");
  await page.getByRole("table").getByRole("link").first().click();
  const recommended = page.getByRole("list", { name: "Recommended for this stage" });
  await expect(recommended.getByRole("listitem").first()).toBeVisible();
});

test("a mangled search link still answers: a NUL is stripped and a foreign cursor shows the first page", async ({
  page,
}) => {
  await signInAs(page, "rep");
  const stripped = await page.goto("/search?q=battle%00card");
  expect(stripped!.status()).toBe(200);
  expect(new URL(page.url()).searchParams.get("q")).toBe("battlecard");
  await expect(page.getByTestId("result-count")).toBeVisible();

  const foreign = await page.goto("/search?q=x&cursor=zzz");
  expect(foreign!.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "not understood" })).toBeVisible();
});
