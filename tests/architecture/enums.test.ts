import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Database enums no code outside the database layer names, so they have no list in lib/. */
const databaseOnly = ["activity_kind"];

describe("each enum is defined once: a database enum takes its values from the lib constant", () => {
  const dir = "db/schema";
  const declarations = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) =>
      [...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/pgEnum\(\s*"([a-z_]+)",\s*(\S)/g)].map(
        ([, name, start]) => ({ name: name!, literal: start === "[" }),
      ),
    );

  it("no database enum writes its values out, except the database-only ones", () => {
    expect(declarations.length).toBeGreaterThan(15);
    expect(declarations.filter((d) => d.literal).map((d) => d.name)).toEqual(databaseOnly);
  });
});
