/**
 * `npm test`: the whole suite in the order a reviewer would run it. Vitest runs against PGlite, and also
 * against PostgreSQL when TEST_DATABASE_URL is set; Playwright drives the production build in Chromium, and
 * check:weight measures the JavaScript its key pages ship.
 * Ends with one "N passed, N failed" line over every test that ran.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(
    `  ${name}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests;
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  totals.passed += r.stats.expected + r.stats.flaky;
  totals.failed += r.stats.unexpected;
  totals.skipped += r.stats.skipped;
}

fs.mkdirSync("test-results", { recursive: true });
for (const f of ["vitest-pglite.json", "vitest-postgres.json", "e2e-results.json"])
  fs.rmSync(`test-results/${f}`, { force: true });

step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint", "npm", ["run", "lint"]);
const vitestArgs = (out: string) => [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${out}`,
];
step("vitest (PGlite)", "npx", vitestArgs("test-results/vitest-pglite.json"), { TEST_DATABASE_URL: "" });
countVitest("test-results/vitest-pglite.json");
if (process.env.TEST_DATABASE_URL) {
  step("vitest (PostgreSQL)", "npx", vitestArgs("test-results/vitest-postgres.json"));
  countVitest("test-results/vitest-postgres.json");
}
if (step("build", "npx", ["next", "build"])) {
  step("playwright", "npx", ["playwright", "test"]);
  countPlaywright("test-results/e2e-results.json");
  // Issue #18's weight budgets, from a real browser load of the same build (README, "Page weight").
  step("page weight", "npx", ["tsx", "scripts/check-weight.ts", "--port", "3190"]);
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(", ")}` : "All steps passed."}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
