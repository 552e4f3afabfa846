import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sources(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name)),
  );
}

describe("authorization is decided in server/authz", () => {
  it("no code outside server/authz compares the actor's role itself", () => {
    const files = sources(["app", "components", "lib", "server"]).filter(
      (f) => !f.startsWith("server/authz/"),
    );
    expect(files.length).toBeGreaterThan(300);
    const offenders = files.flatMap((file) =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (/\bactor\.role\s*[!=]==/.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
