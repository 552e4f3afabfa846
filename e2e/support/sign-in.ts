import { expect, type Page } from "@playwright/test";
import { accounts, DEMO_PASSWORD, type DemoRole } from "./accounts";

/** Signs in through next-auth's HTTP endpoints (not the form); the cookie lands in the page's context. */
export async function signInAs(page: Page, who: DemoRole | { email: string; password: string }) {
  const { email, password } =
    typeof who === "string" ? { email: accounts[who].email, password: DEMO_PASSWORD } : who;
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok(), `sign-in as ${email}`).toBe(true);
  const me = await page.request.get("/api/v1/me");
  expect(me.status(), `session for ${email}`).toBe(200);
  return (await me.json()) as { id: string; name: string; role: string };
}
