import { expect, test } from "@playwright/test";
import { accounts, DEMO_PASSWORD, type DemoRole } from "./support/accounts";
import { signInAs } from "./support/sign-in";

// Signing out ends every session of that user (server-side revocation), so the sign-out test uses accounts
// no other spec signs in as while specs run in parallel (the demo's one admin is used by other specs).
const signOutAccounts = {
  marketer: "omar.okafor@northwind.test",
  rep: "eli.novak@northwind.test",
  partner: "sam.reyes@brightpath.test",
} as const;

const landing: Record<DemoRole, RegExp> = {
  admin: /\/library$/,
  marketer: /\/library$/,
  rep: /\/deals$/,
  partner: /\/library$/,
};

test.describe("sign-in form", () => {
  for (const role of Object.keys(accounts) as DemoRole[]) {
    test(`a ${role} signs in with the form and lands on their home page`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/signin/);
      await page.getByLabel("Email").fill(accounts[role].email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(landing[role]);
      await expect(page.getByTestId("current-user")).not.toBeEmpty();
      const nav = page.getByRole("navigation", { name: "Main" });
      // User administration sits in the admin's Admin menu (closed, so the link is looked up hidden).
      await expect(nav.getByRole("link", { name: "Users", includeHidden: true })).toHaveCount(
        role === "admin" ? 1 : 0,
      );
      if (role === "partner") await expect(nav.getByRole("link", { name: "Upload" })).toHaveCount(0);
    });
  }

  for (const [role, email] of Object.entries(signOutAccounts)) {
    test(`a ${role} signs out and is sent back to sign-in`, async ({ page }) => {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(landing[role as DemoRole]);
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/signin/);
      await page.goto("/library");
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flibrary/);
    });
  }

  test("a wrong password and an unknown email get the same clear message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill("nobody@northwind.test");
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
    await page.getByLabel("Email").fill(accounts.rep.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test("a partner opening an admin or marketer page gets a 403 page, and a hidden object a 404", async ({
  page,
}) => {
  await signInAs(page, "partner");
  for (const path of ["/admin/users", "/assets/new"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
  }
  const missing = await page.goto("/assets/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
});

test("the API answers signed-out callers with 401 in the error format", async ({ request }) => {
  const response = await request.get("/api/v1/me");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({
    error: { code: "unauthenticated", message: "Sign in or send an API token" },
  });
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
});

test("an admin adds a user, who can sign in until deactivated", async ({ page, browser }) => {
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  const email = `new.rep.${Date.now()}@northwind.test`;
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Nora New");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("rep");
  await form.getByLabel("Temporary password").fill("temporary-pass-1");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("User created");
  await expect(page.getByRole("cell", { name: new RegExp(email) })).toBeVisible();

  const other = await browser.newPage();
  await signInAs(other, { email, password: "temporary-pass-1" });
  await other.goto("/deals");
  await expect(other.getByTestId("current-user")).toHaveText("Nora New");

  await page.getByRole("button", { name: "Deactivate Nora New" }).click();
  await expect(page.getByRole("button", { name: "Reactivate Nora New" })).toBeVisible();

  // The open session stops working at once, and signing in again explains why.
  await other.goto("/deals");
  await expect(other).toHaveURL(/\/signin/);
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill("temporary-pass-1");
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.locator("form").getByRole("alert")).toContainText("deactivated");
  await other.close();
});
