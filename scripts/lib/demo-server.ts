/**
 * The seeded demo app under `next start` for scripts that measure pages in a browser: scripts/e2e-server.ts
 * (a fresh database with the demo workspace, the production build) on `port`, stopped with its whole
 * process group.
 */
import { spawn } from "node:child_process";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";

export const demoEmails = {
  rep: "rick.rep@northwind.test",
  marketer: "maya.marketing@northwind.test",
} as const;
const DEMO_PASSWORD = "baton-demo";

export async function startDemoServer(port: number) {
  const answering = await fetch(`http://localhost:${port}/signin`).then(
    () => true,
    () => false,
  );
  // Measuring whatever already listens there would report someone else's numbers.
  if (answering) throw new Error(`Port ${port} is already in use; stop that server or pass --port`);
  const child = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, E2E_PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The demo server exited with ${child.exitCode}`);
    const ok = await fetch(`${baseUrl}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      stop();
      throw new Error(`The demo server did not answer on ${baseUrl} within 5 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { baseUrl, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
}

/** A browser context signed in as a demo account, through next-auth's endpoints. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
  });
  if (!response.ok()) throw new Error(`Signing in as ${email} failed (${response.status()})`);
  return context;
}

/** The first link on `path` whose href matches `pattern` (a deal or an asset to measure). */
export async function firstLink(context: BrowserContext, path: string, pattern: RegExp) {
  const page = await context.newPage();
  await page.goto(path);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  await page.close();
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`No link matching ${pattern} on ${path}`);
  return href;
}
