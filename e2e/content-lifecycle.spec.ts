import { expect, test, type Page } from "@playwright/test";
import { makePdf } from "./support/files";
import { signInAs } from "./support/sign-in";
import { fromOwnPages } from "./support/same-origin";

/** A draft uploaded with the marketer's own session through the public API (the UI upload has its own spec). */
async function stagesOf(page: Page) {
  const body = (await (await page.request.get("/api/v1/stages")).json()) as {
    data: { id: string; name: string }[];
  };
  return body.data;
}

async function uploadDraft(page: Page, title: string) {
  const stages = await stagesOf(page);
  const evaluation = stages.find((s) => s.name === "Evaluation")!;
  const response = await page.request.post("/api/v1/assets", {
    headers: fromOwnPages,
    multipart: {
      metadata: JSON.stringify({
        title,
        type: "competitive_brief",
        stageIds: [evaluation.id],
        status: "draft",
      }),
      file: {
        name: "brief.pdf",
        mimeType: "application/pdf",
        buffer: await makePdf([title, "How we win against Contoso in regulated industries"]),
      },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("a marketer previews, edits, publishes, expires and archives an asset; reps see it only while live", async ({
  browser,
}) => {
  const marketer = await (await browser.newContext()).newPage();
  const rep = await (await browser.newContext()).newPage();
  await signInAs(marketer, "marketer");
  await signInAs(rep, "rep");
  const title = `Contoso displacement brief ${Date.now()}`;
  const id = await uploadDraft(marketer, title);

  // The background job renders the PDF; the page refreshes itself until the first page shows.
  await marketer.goto(`/assets/${id}`);
  const page1 = marketer.getByRole("img", { name: `${title}, page 1` });
  await expect(page1).toBeVisible({ timeout: 45_000 });
  await expect
    .poll(() => page1.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  // Edit details: a new title, a tag and a review date.
  const edited = `${title} (2026)`;
  await marketer.getByText("Edit details").click();
  const form = marketer.getByRole("form", { name: "Edit asset details" });
  await form.getByLabel("Title").fill(edited);
  await form.getByLabel("Manufacturing").check();
  await form.getByLabel("Review by").fill("2027-03-01");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
  await expect(marketer.getByRole("heading", { name: edited })).toBeVisible();
  await expect(marketer.getByRole("list", { name: "Tags" })).toContainText("Manufacturing");

  // A draft is invisible to reps, even by its URL.
  expect((await rep.goto(`/assets/${id}`))!.status()).toBe(404);

  await marketer.getByRole("button", { name: "Publish" }).click();
  await expect(marketer.getByRole("button", { name: "Archive" })).toBeVisible();
  await rep.goto("/library");
  await expect(rep.getByRole("link", { name: edited })).toBeVisible();

  // An expiry date in the past takes it out of rep results at once.
  await form.getByLabel("Expires on").fill("2020-01-31");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved");
  await rep.goto("/library");
  await expect(rep.getByRole("heading", { name: "Library" })).toBeVisible();
  await expect(rep.getByRole("link", { name: edited })).toHaveCount(0);
  expect((await rep.goto(`/assets/${id}`))!.status()).toBe(404);

  await marketer.getByRole("button", { name: "Archive" }).click();
  await expect(marketer.getByRole("button", { name: "Republish" })).toBeVisible();
});

test("a text outline stands in for the pages of an office or text file", async ({ page }) => {
  await signInAs(page, "marketer");
  const stages = await stagesOf(page);
  const title = `Discovery questions ${Date.now()}`;
  const response = await page.request.post("/api/v1/assets", {
    headers: fromOwnPages,
    multipart: {
      metadata: JSON.stringify({ title, type: "talk_track", stageIds: [stages[1]!.id] }),
      file: {
        name: "questions.md",
        mimeType: "text/markdown",
        buffer: Buffer.from(`# ${title}\n\nAsk about their current renewal date and budget owner.\n`),
      },
    },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  await page.goto(`/assets/${id}`);
  await expect(page.getByLabel("Text of the file")).toContainText("renewal date and budget owner", {
    timeout: 45_000,
  });
});
