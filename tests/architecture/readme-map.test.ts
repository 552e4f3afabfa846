import fs from "node:fs";
import { describe, expect, it } from "vitest";

/** Folders the README's architecture map must name one by one. */
const mappedRoots = ["server", "components"];

/**
 * The folder map in the README's "Architecture" section: each line names a folder ("server/") or, indented
 * two spaces under it, a folder inside it ("  auth/"), followed by one line of description.
 */
function readmeMap(): { path: string; description: string }[] {
  const readme = fs.readFileSync("README.md", "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith("Architecture\n"));
  if (!section) throw new Error("README.md has no '## Architecture' section");
  const block = /^```\n([\s\S]*?)^```$/m.exec(section);
  if (!block) throw new Error("The Architecture section has no folder map (a ``` block)");
  let parent = "";
  return block[1]!
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const entry = /^( {2})?([a-z0-9-]+)\/ +(\S.*)$/.exec(line);
      if (!entry) throw new Error(`Not a map line ("folder/  description"): ${JSON.stringify(line)}`);
      const [, indent, name, description] = entry;
      if (!indent) parent = name!;
      return { path: indent ? `${parent}/${name}` : name!, description: description! };
    });
}

function foldersIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}`)
    .sort();
}

describe("the README's architecture map matches the tree", () => {
  const map = readmeMap();
  const named = map.map((entry) => entry.path);

  it("names every folder under server/ and components/", () => {
    const folders = mappedRoots.flatMap(foldersIn);
    expect(folders.length).toBeGreaterThan(40);
    expect(folders.filter((folder) => !named.includes(folder))).toEqual([]);
  });

  it("names only folders that exist, each once", () => {
    expect(named).toEqual(expect.arrayContaining(mappedRoots));
    expect(named.filter((path) => !fs.statSync(path, { throwIfNoEntry: false })?.isDirectory())).toEqual([]);
    expect(named.filter((path, i) => named.indexOf(path) !== i)).toEqual([]);
  });
});
