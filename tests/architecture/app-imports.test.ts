import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** Every .ts/.tsx file under a folder. */
function sourcesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((entry) =>
      entry.isFile() && /\.tsx?$/.test(entry.name) ? [path.join(entry.parentPath, entry.name)] : [],
    );
}

describe("app/ reaches the database only through server/", () => {
  it("lint rejects a db/ import in a page, by alias or by relative path", async () => {
    const eslint = new ESLint();
    const [result] = await eslint.lintText(
      [
        'import { getDb } from "@/db/client";',
        'import { assets } from "../../db/schema";',
        "export const probe = [getDb, assets];",
        "",
      ].join("\n"),
      { filePath: path.resolve("app/(app)/probe/page.tsx") },
    );
    const restricted = result!.messages.filter((m) => m.ruleId === "no-restricted-imports");
    expect(restricted.map((m) => m.line)).toEqual([1, 2]);
  });

  it("no file under app/ imports db/", () => {
    const offenders = sourcesUnder("app").filter((file) =>
      /from ["'](?:@\/db|(?:\.\.\/)+db)(?:\/|["'])/.test(fs.readFileSync(file, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("every page and layout under app/ goes through requirePage (or openPage, for a public link)", () => {
    const doors = /\b(requirePage|openPage|loadDashboardContext)\(/;
    const routes = sourcesUnder("app").filter((file) => /\/(page|layout)\.tsx$/.test(file));
    // The sign-in page is for signed-out visitors: it only asks whether someone is signed in already.
    const readsData = routes.filter(
      (file) => file !== "app/signin/page.tsx" && /from "@\/server\//.test(fs.readFileSync(file, "utf8")),
    );
    expect(readsData.length).toBeGreaterThan(20);
    expect(readsData.filter((file) => !doors.test(fs.readFileSync(file, "utf8")))).toEqual([]);
  });
});
