import { expect, test } from "@playwright/test";
import { signInAs } from "./support/sign-in";
import { fromOwnPages } from "./support/same-origin";

test("a rep creates an API token, calls the API with it, and revokes it", async ({ page, playwright }) => {
  await signInAs(page, "rep");
  await page.goto("/settings/tokens");
  const name = `CRM sync ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())!.trim();
  expect(secret).toMatch(/^bat_/);

  const api = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
  });
  const me = await api.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect((await me.json()).role).toBe("rep");
  const stages = await api.get("/api/v1/stages");
  expect((await stages.json()).data.map((s: { name: string }) => s.name)).toContain("Evaluation");
  // Tokens manage tokens only from a signed-in session.
  expect((await api.post("/api/v1/tokens", { data: { name: "chained" } })).status()).toBe(401);

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await api.dispose();
});

test("POST /api/v1/tokens honours Idempotency-Key and validates its body", async ({ page }) => {
  await signInAs(page, "marketer");
  const key = `e2e-${Date.now()}`;
  const first = await page.request.post("/api/v1/tokens", {
    data: { name: "Idempotent" },
    headers: { ...fromOwnPages, "Idempotency-Key": key },
  });
  const again = await page.request.post("/api/v1/tokens", {
    data: { name: "Idempotent" },
    headers: { ...fromOwnPages, "Idempotency-Key": key },
  });
  expect(first.status()).toBe(201);
  expect(again.status()).toBe(201);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect((await again.json()).id).toBe((await first.json()).id);
  const conflict = await page.request.post("/api/v1/tokens", {
    data: { name: "Other" },
    headers: { ...fromOwnPages, "Idempotency-Key": key },
  });
  expect(conflict.status()).toBe(409);
  const invalid = await page.request.post("/api/v1/tokens", { data: { name: "" }, headers: fromOwnPages });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fieldErrors.name).toEqual(["Give the token a name"]);
});
