import { expect, test, type Page } from "@playwright/test";
import { fromOwnPages } from "./support/same-origin";
import { signInAs } from "./support/sign-in";

/** The page's policy, and every script tag in its HTML carrying that policy's nonce. */
async function expectNoncedPolicy(page: Page, path: string, status = 200) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(status);
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `${path} has a nonce in its policy`).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers["permissions-policy"]).toContain("camera=()");
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, `${path} has scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
}

test("every page carries a nonce policy, its scripts run, and the browser reports no violation", async ({
  page,
  browser,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });

  const anonymous = await (await browser.newContext()).newPage();
  await expectNoncedPolicy(anonymous, "/signin");

  await signInAs(page, "rep");
  for (const path of ["/library", "/search?q=pricing", "/deals"]) await expectNoncedPolicy(page, path);
  // The not-found page too, both for a path nothing serves and for a record the rep may not open.
  await expectNoncedPolicy(page, "/no-such-page", 404);
  await expectNoncedPolicy(page, "/assets/00000000-0000-4000-8000-000000000000", 404);
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto("/search");
  // A client island works only if its scripts ran: the search box takes input after hydration.
  await page.getByRole("searchbox", { name: "Search words" }).fill("battlecard");
  await page.getByRole("searchbox", { name: "Search words" }).press("Enter");
  await expect(page).toHaveURL(/q=battlecard/);
  await expect(page.getByTestId("result-count")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cookie-authenticated API write from another site is refused with a 403 JSON error", async ({
  page,
}) => {
  await signInAs(page, "rep");
  const stages = (await (await page.request.get("/api/v1/stages")).json()) as { data: { id: string }[] };
  const deal = { name: "Forged", accountName: "Evil", amount: 1, stageId: stages.data[0]!.id };
  const forged = await page.request.post("/api/v1/deals", {
    headers: { origin: "http://evil.example", "content-type": "text/plain" },
    data: JSON.stringify(deal),
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  const own = await page.request.post("/api/v1/deals", {
    headers: fromOwnPages,
    data: { ...deal, name: "Own page" },
  });
  expect(own.status()).toBe(201);
});
