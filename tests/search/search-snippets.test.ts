import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { snippetParts } from "@/lib/search-snippet";
import type { Actor } from "@/server/authz/actor";
import { searchAssets } from "@/server/search/search-assets";
import { createTestWorkspace, type TestWorkspace } from "../support/factories";
import { createTestDatabase } from "../support/test-db";
import { createSearchAsset } from "./search-support";

let handle: DatabaseHandle;
let ws: TestWorkspace;
let rep: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  ws = await createTestWorkspace(handle.db);
  rep = await ws.actor(ws.people.rep);
});
afterAll(() => handle.close());

const FILLER = (
  "the quarterly review covers pricing onboarding renewals security integrations roadmap " +
  "customers partners discounts support contracts training deployment analytics"
).split(" ");
const filler = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => FILLER[(i * 7 + seed) % FILLER.length]).join(" ");

/** The matched runs of the snippet of the one hit of `q`. */
async function marked(q: string): Promise<string[]> {
  const result = await searchAssets(handle.db, rep, { q });
  expect(result.items).toHaveLength(1);
  const snippet = result.items[0]!.snippet;
  expect(snippet, `snippet of "${q}"`).toBeTruthy();
  return snippetParts(snippet!)
    .filter((p) => p.match)
    .map((p) => p.text.toLowerCase());
}

/** Where the one occurrence of a word sits in a body, in shapes a file's text really has. */
const SHAPES = {
  url: (w: string) => `see https://${w}.com/pricing/overview for details`,
  urlPath: (w: string) => `slides at https://example.com/${w} today`,
  end: (w: string) => w,
  longToken: (w: string) => `${"x".repeat(300)}-${w}-${"y".repeat(300)}`,
  email: (w: string) => `write to sales@${w}.com please`,
  plain: (w: string) => `the ${w} rollout`,
  decoyFirst: (w: string) => `the ${w.slice(0, 5)}ing memo and later the ${w} rollout`,
} as const;

describe("snippets of text hits", () => {
  it("highlights a match whose only occurrence is inside a URL far into a long body", async () => {
    await createSearchAsset(handle.db, ws, {
      title: "Partner pricing notes",
      body: `${filler(12_000, 1)} see https://zanthoria.com/pricing for the sheet. ${filler(200, 2)}`,
    });
    // While the word is typed it is a prefix, which matches the host name "zanthoria.com".
    const [item] = (await searchAssets(handle.db, rep, { q: "zanthoria" })).items;
    expect(item!.snippet).toMatch(
      /^… [a-z ]+ renewals see https:\/\/«zanthoria»\.com\/pricing for the sheet\. review .* …$/,
    );
    const found = await marked("zanthoria");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.includes("zanthoria"))).toBe(true);
  });

  it("every snippet of a text hit shows a highlighted match, whatever the body's shape", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z]{5,9}$/),
        fc.constantFrom(...(Object.keys(SHAPES) as (keyof typeof SHAPES)[])),
        fc.integer({ min: 0, max: 15_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.boolean(),
        async (stem, shape, before, after, typing) => {
          run += 1;
          // Unique per run and unlike any filler word: letters only, so it stays one word.
          const word = `qz${"abcdefghij"[run % 10]}${"abcdefghij"[Math.floor(run / 10) % 10]}${stem}`;
          const body = `${filler(before, run)} ${SHAPES[shape](word)} ${filler(after, run + 3)}`.trim();
          await createSearchAsset(handle.db, ws, { title: `Generated ${run}`, body });
          const result = await searchAssets(handle.db, rep, { q: typing ? word : `${word} ` });
          for (const item of result.items) {
            const matches = snippetParts(item.snippet ?? "").filter((p) => p.match);
            expect(matches.length, `${shape} at word ${before}: ${item.snippet}`).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 40, seed: 20_2012 },
    );
  });
});
