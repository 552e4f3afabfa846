import { expect, request, type APIRequestContext } from "@playwright/test";
import { accounts, DEMO_PASSWORD, type DemoRole } from "./accounts";
import { fromOwnPages } from "./same-origin";

/** A signed-in API client on `baseURL` (next-auth's credentials endpoint, as the form would post). */
export async function signedInClient(baseURL: string, role: DemoRole): Promise<APIRequestContext> {
  // Its API writes ride on the session cookie, so they say they come from Baton's own pages.
  const client = await request.newContext({ baseURL, extraHTTPHeaders: fromOwnPages });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: accounts[role].email, password: DEMO_PASSWORD, json: "true" },
  });
  expect(response.ok(), `sign-in as ${role}`).toBe(true);
  return client;
}

/** An API token for `role`, created from a signed-in session. */
export async function apiTokenFor(baseURL: string, role: DemoRole): Promise<string> {
  const client = await signedInClient(baseURL, role);
  const res = await client.post("/api/v1/tokens", { data: { name: `e2e ${role}` } });
  expect(res.status()).toBe(201);
  const { secret } = (await res.json()) as { secret: string };
  await client.dispose();
  return secret;
}
