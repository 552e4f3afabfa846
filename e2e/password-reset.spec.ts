import { expect, test } from "@playwright/test";
import { fromOwnPages } from "./support/same-origin";
import { signInAs } from "./support/sign-in";

test("someone who forgot their password gets a one-time link by email, chooses a new one, and every old session ends", async ({
  page,
  browser,
}) => {
  // Five sign-ins (argon2) and a dozen page loads: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  // A person of their own, so revoking their sessions disturbs no other spec.
  await signInAs(page, "admin");
  const email = `rosa.reset.${Date.now()}@northwind.test`;
  const created = await page.request.post("/api/v1/users", {
    headers: fromOwnPages,
    data: { email, name: "Rosa Reset", role: "rep", password: "first-password-1" },
  });
  expect(created.status()).toBe(201);
  const elsewhere = await (await browser.newContext()).newPage();
  await signInAs(elsewhere, { email, password: "first-password-1" });

  const rosa = await (await browser.newContext()).newPage();
  await rosa.goto("/signin");
  await rosa.getByRole("link", { name: "Forgot password?" }).click();
  await expect(rosa).toHaveURL(/\/forgot-password$/);
  await rosa.getByLabel("Email").fill(email);
  await rosa.getByRole("button", { name: "Send reset link" }).click();
  await expect(rosa.getByRole("status")).toContainText(`If a Baton account uses ${email}`);

  // An address without an account gets the very same answer.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto("/forgot-password");
  await stranger.getByLabel("Email").fill("nobody.here@northwind.test");
  await stranger.getByRole("button", { name: "Send reset link" }).click();
  await expect(stranger.getByRole("status")).toContainText(
    "If a Baton account uses nobody.here@northwind.test",
  );

  // The link, from the development outbox (no SMTP server in tests).
  await page.goto("/settings/outbox");
  const mail = page
    .getByRole("listitem")
    .filter({ hasText: `to ${email}` })
    .filter({ hasText: "Reset your Baton password" });
  await mail.locator("summary").click();
  const link = (await mail.getByRole("link", { name: /\/reset-password\// }).getAttribute("href"))!;

  await rosa.goto(link);
  await expect(rosa.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await rosa.getByLabel("New password").fill("too-short");
  await rosa.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(rosa.getByText("Use at least 10 characters")).toBeVisible();
  await rosa.getByLabel("New password").fill("second-password-2");
  await rosa.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(rosa).toHaveURL(/\/deals$/);
  await expect(rosa.getByTestId("current-user")).toHaveText("Rosa Reset");

  // The session from before the reset has ended; the old password no longer works, the new one does.
  await elsewhere.goto("/deals");
  await expect(elsewhere).toHaveURL(/\/signin/);
  await elsewhere.getByLabel("Email").fill(email);
  await elsewhere.getByLabel("Password").fill("first-password-1");
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.locator("form").getByRole("alert")).toHaveText("Incorrect email or password.");
  await elsewhere.getByLabel("Password").fill("second-password-2");
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere).toHaveURL(/\/deals$/);

  // The link worked once.
  await stranger.goto(link);
  await expect(stranger.getByRole("alert").filter({ hasText: "reset link" })).toContainText(
    "already been used",
  );
});
