/**
 * `npm run check:lighthouse`: Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated
 * throttling) on the pages a rep opens in the field, signed in as the demo rep, on the seeded embedded
 * demo under `next start`. Each page is measured `--runs` times (3) in Debian's Chromium and the median
 * performance score is reported with its Total Blocking Time and Largest Contentful Paint, beside the
 * accessibility and best-practices scores. Prints a Markdown table for the README; `--strict` exits
 * non-zero below 95 / 100 / 100. `--port` (3100). Performance figures mean little while other jobs load
 * the machine, so the load average is printed with them.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { demoEmails, firstLink, launchChromium, signedInContext, startDemoServer } from "./lib/demo-server";

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100 } as const;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3100" },
    runs: { type: "string", default: "3" },
    strict: { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs));

interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  tbt: number;
  lcp: number;
  failing: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const score = (s: number | null | undefined) => Math.round((s ?? 0) * 100);

const server = await startDemoServer(Number(values.port));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
let failed = false;
try {
  // The rep's session cookie, and a deal and an asset of the demo to measure.
  const browser = await launchChromium();
  const context = await signedInContext(browser, server.baseUrl, demoEmails.rep);
  const paths = [
    "/library",
    "/search?q=security",
    "/deals",
    await firstLink(context, "/deals", /^\/deals\/[0-9a-f-]{36}$/),
    await firstLink(context, "/library", /^\/assets\/[0-9a-f-]{36}$/),
  ];
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  await browser.close();

  const rows: { path: string; runs: Run[] }[] = [];
  for (const path of paths) {
    const measured: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(`${server.baseUrl}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: { Cookie: cookie },
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
      if (new URL(lhr.finalDisplayedUrl).pathname.startsWith("/signin"))
        throw new Error(`${path} sent Lighthouse to the sign-in page: the session cookie was not used`);
      const failing = Object.values(lhr.categories)
        .filter((c) => c.id !== "performance")
        .flatMap((c) => c.auditRefs.filter((ref) => ref.weight > 0))
        .filter((ref) => (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => {
          // Where it fails, so the line says what to fix (axe's selectors, for accessibility audits).
          const details = lhr.audits[ref.id]?.details as { items?: { node?: { selector?: string } }[] };
          const where = (details?.items ?? []).map((item) => item.node?.selector).filter(Boolean);
          return where.length ? `${ref.id} (${where.join("; ")})` : ref.id;
        });
      measured.push({
        performance: score(lhr.categories.performance?.score),
        accessibility: score(lhr.categories.accessibility?.score),
        bestPractices: score(lhr.categories["best-practices"]?.score),
        tbt: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
        lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
        failing,
      });
    }
    rows.push({ path, runs: measured });
  }

  console.log(
    `Lighthouse, mobile preset, rep, median of ${runs} run(s); load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  console.log("| page | performance | TBT (ms) | LCP (s) | accessibility | best practices |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const { path, runs: measured } of rows) {
    const perf = median(measured.map((r) => r.performance));
    const a11y = Math.min(...measured.map((r) => r.accessibility));
    const bp = Math.min(...measured.map((r) => r.bestPractices));
    const tbt = median(measured.map((r) => r.tbt));
    const lcp = median(measured.map((r) => r.lcp));
    const page = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, ":id");
    console.log(
      `| ${page} | ${perf} (${measured.map((r) => r.performance).join(", ")}) | ${tbt.toFixed(0)} | ${(lcp / 1000).toFixed(1)} | ${a11y} | ${bp} |`,
    );
    const failing = [...new Set(measured.flatMap((r) => r.failing))];
    if (failing.length) console.log(`|   failing audits: ${failing.join(", ")} | | | | | |`);
    failed ||= perf < TARGETS.performance || a11y < TARGETS.accessibility || bp < TARGETS["best-practices"];
  }
} finally {
  await chrome.kill();
  server.stop();
}
if (failed && values.strict) {
  console.error(
    `Below target (performance ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ${TARGETS["best-practices"]}).`,
  );
  process.exit(1);
}
