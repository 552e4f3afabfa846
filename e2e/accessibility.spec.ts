import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { DemoRole } from "./support/accounts";
import { signInAs } from "./support/sign-in";

/**
 * The accessibility walk: for each demo role, every entry of its main menu with that page's own tabs, the
 * pages under the entry that it links to, and the first detail page of each kind they link to. Each page
 * is checked with axe (its default rules plus `label-content-name-mismatch`) at 1280 px and at 200% zoom
 * (the same window at half the CSS width), with no serious or critical finding allowed, and at 360 px it
 * may not scroll sideways. Pages are checked once hydrated, without waiting for the network to go idle.
 */

const roles: DemoRole[] = ["rep", "partner", "marketer", "admin"];
/** Detail pages: the first link of each kind found on a visited page is walked too. */
const detailKinds = [
  /^\/assets\/[0-9a-f-]{36}$/,
  /^\/deals\/[0-9a-f-]{36}$/,
  /^\/plays\/[0-9a-f-]{36}$/,
  /^\/requests\/[0-9a-f-]{36}$/,
];

async function sameOriginPaths(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (links) =>
    links
      .map((a) => new URL((a as HTMLAnchorElement).href, location.href))
      .filter((u) => u.origin === location.origin)
      .map((u) => u.pathname + u.search),
  );
}

async function seriousFindings(page: Page) {
  // Colours measured mid-transition (a button fading from its disabled grey as the page hydrates, or
  // after a resize) are neither the before nor the after: let running transitions finish first (not the
  // endless ones, such as a spinner).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const DESKTOP = { width: 1280, height: 800 };
/** 200% zoom of the desktop window: the same screen at half the CSS pixels. */
const ZOOMED = { width: 640, height: 400 };
const PHONE = { width: 360, height: 780 };

/** Checks the open page at each width; every problem is returned as one line naming the page and the width. */
async function checkPage(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [label, viewport] of [
    ["1280 px", DESKTOP],
    ["200% zoom", ZOOMED],
  ] as const) {
    await page.setViewportSize(viewport);
    for (const finding of await seriousFindings(page)) problems.push(`${path} at ${label}: ${finding}`);
  }
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) problems.push(`${path} at 360 px scrolls sideways by ${overflow} px`);
  await page.setViewportSize(DESKTOP);
  return problems;
}

/**
 * Each role's main menu, as the app's layout builds it. The first test of each role checks the menu is
 * exactly this, so a new entry cannot escape the walk; then each entry is walked in a test of its own.
 */
const menus: Record<DemoRole, string[]> = {
  rep: ["/library", "/whats-new", "/deals", "/plays", "/analytics/what-works", "/requests", "/settings"],
  partner: ["/library", "/whats-new", "/deals", "/requests", "/settings"],
  marketer: [
    "/library",
    "/whats-new",
    "/content",
    "/content/attention",
    "/requests",
    "/assets/new",
    "/deals",
    "/plays",
    "/analytics",
    "/settings",
  ],
  admin: [
    "/library",
    "/whats-new",
    "/content",
    "/content/attention",
    "/requests",
    "/assets/new",
    "/deals",
    "/plays",
    "/analytics",
    "/partners",
    "/admin/users",
    "/settings",
  ],
};

async function signedIn(browser: Browser, role: DemoRole) {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInAs(page, role);
  return page;
}

test.describe.configure({ mode: "parallel" });

for (const role of roles) {
  test(`a ${role}'s menu is the one the walk covers`, async ({ browser }) => {
    const page = await signedIn(browser, role);
    await page.goto("/");
    const menu = await sameOriginPaths(page, 'nav[aria-label="Main"] a[href]');
    expect([...new Set(menu)]).toEqual(menus[role]);
  });

  for (const entry of menus[role]) {
    test(`${role}: ${entry}, its tabs and first detail pages pass axe at 1280 px and 200% zoom, and fit 360 px`, async ({
      browser,
    }) => {
      // An entry with many tabs (analytics has six) takes minutes on a loaded machine.
      test.setTimeout(600_000);
      const page = await signedIn(browser, role);
      // The entry, then its own tabs (plain paths: facet and pagination links only re-filter the same
      // page), then the first page of each detail kind they link to.
      const queue = [entry];
      const kindsFound = new Set<number>();
      const problems: string[] = [];
      for (let i = 0; i < queue.length; i++) {
        const path = queue[i]!;
        const response = await page.goto(path);
        expect(response?.status(), `${path} answers`).toBeLessThan(400);
        // Checked once hydrated: the header's sign-out button is enabled only then.
        await page.waitForFunction(() =>
          [...document.querySelectorAll("button")].some((b) => b.textContent === "Sign out" && !b.disabled),
        );
        problems.push(...(await checkPage(page, path)));
        const tabs = (await sameOriginPaths(page, "main nav a[href]")).filter((p) => !p.includes("?"));
        // Pages under the entry that its page links to outside the tabs (e.g. /partners/engagement,
        // /plays/new); detail pages (an id in the path) are left to detailKinds.
        const subpages = (await sameOriginPaths(page, "main a[href]")).filter(
          (p) => p.startsWith(`${entry}/`) && !p.includes("?") && !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(p),
        );
        const details = (await sameOriginPaths(page, "main a[href]")).filter((p) =>
          detailKinds.some((kind, k) => {
            if (kindsFound.has(k) || !kind.test(p)) return false;
            kindsFound.add(k);
            return true;
          }),
        );
        for (const next of [...tabs, ...subpages, ...details])
          if (!queue.includes(next) && !next.startsWith("/api/") && !next.startsWith("/r/")) queue.push(next);
      }
      test.info().annotations.push({ type: "pages walked", description: queue.join(" ") });
      expect(problems, `walked: ${queue.join(", ")}`).toEqual([]);
    });
  }
}
