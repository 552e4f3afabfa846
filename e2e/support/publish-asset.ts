import { expect, type Page } from "@playwright/test";
import { makePdf } from "./files";
import { fromOwnPages } from "./same-origin";

/** Publishes a PDF asset (one page unless told) for the given stage through the API, as the page's user. */
export async function publishAsset(
  page: Page,
  opts: { title: string; stage: string; text: string; pages?: number },
) {
  const stages = (
    (await (await page.request.get("/api/v1/stages")).json()) as { data: { id: string; name: string }[] }
  ).data;
  const stage = stages.find((s) => s.name === opts.stage);
  expect(stage, `stage ${opts.stage}`).toBeDefined();
  const response = await page.request.post("/api/v1/assets", {
    headers: fromOwnPages,
    multipart: {
      metadata: JSON.stringify({
        title: opts.title,
        type: "case_study",
        stageIds: [stage!.id],
        status: "published",
      }),
      file: {
        name: "asset.pdf",
        mimeType: "application/pdf",
        buffer: await makePdf([opts.title, opts.text], opts.pages),
      },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}
