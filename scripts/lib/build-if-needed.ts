import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "server", "lib", "db", "public"];
const SOURCE_FILES = [
  "package.json",
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "env.ts",
  "postcss.config.mjs",
];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Runs `next build` when there is no production build or the sources changed since the last one. */
export function buildIfNeeded(root: string): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(
    ...[...SOURCE_DIRS, ...SOURCE_FILES].map((e) => newestMtime(path.join(root, e))),
  );
  if (builtAt > changedAt) return;
  console.log("Building Baton for production (first run or sources changed)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
}
