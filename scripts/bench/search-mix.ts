/**
 * The searches `npm run bench:search` sends, drawn from a long-tailed distribution instead of a fixed list: a
 * seeded draw of `count` searches in which each class has its share of the traffic and, within a class, the
 * pool's first entries are searched most often (Zipf, weight 1/rank), so a few searches repeat many times
 * and most of the pool is searched once or never, as in a real search log. The pools: the corpus's own
 * vocabulary in its frequency order interleaved with its customer names (single words, common to rare), the
 * hand-picked phrases, keystrokes, typos and nonsense of search-queries.ts plus generated ones (two-word
 * queries from the vocabulary, typos made by swapping two letters), facet browses and words with filters
 * built from the library's own stage and tag ids.
 *
 * Classes are what the request is, except single words, which are classed after the fact by what they found
 * (benchClassOf): "common word" when more than 1,000 assets match (the search cannot rank them all), "rare
 * word" otherwise.
 */
import { createRandom, type Random } from "../../db/seed/random";
import { customerNames, domainWords } from "./search-corpus";
import { handPicked, type BenchQuery, type QueryKind } from "./search-queries";
import type { Library } from "./search-seed";

export type BenchClass =
  "common word" | "rare word" | "multi-word" | "prefix" | "typo" | "filter only" | "word+filter" | "no match";

export const benchClasses: BenchClass[] = [
  "common word",
  "rare word",
  "multi-word",
  "prefix",
  "typo",
  "filter only",
  "word+filter",
  "no match",
];

/** Share of the traffic per kind of request (single words split into common and rare by what they find). */
const SHARES: [QueryKind, number][] = [
  ["word", 0.32],
  ["prefix", 0.2],
  ["phrase", 0.13],
  ["filter", 0.1],
  ["word+filter", 0.12],
  ["typo", 0.08],
  ["none", 0.05],
];

/** Picks from `pool` with weight 1/rank. */
function zipf<T>(r: Random, pool: readonly T[]): T {
  const weights = pool.map((_, i) => 1 / (i + 1));
  let x = r.next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    x -= w;
    if (x <= 0) return pool[i]!;
  }
  return pool.at(-1)!;
}

/** A typo of `word`: two neighbouring letters swapped (not at the start, where people rarely slip). */
function swapTypo(r: Random, word: string): string {
  const i = r.int(1, word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

interface Pools {
  word: string[];
  phrase: string[];
  prefix: string[];
  typo: string[];
  none: string[];
}

function poolsOf(r: Random): Pools {
  const picked = handPicked();
  const vocabulary = domainWords.filter((w) => w.length >= 3);
  // Common words first (the vocabulary's order is its frequency order in the corpus), names in between.
  const word: string[] = [];
  for (let i = 0; i < Math.max(vocabulary.length, 400); i++) {
    if (vocabulary[i]) word.push(vocabulary[i]!);
    if (i % 2 === 1 && customerNames[i]) word.push(customerNames[i]!);
    if (i % 3 === 2 && picked.words[(i - 2) / 3]) word.push(picked.words[(i - 2) / 3]!);
  }
  const phrase = [...picked.phrases];
  for (let i = 0; i < 200; i++) phrase.push(`${r.pick(vocabulary)} ${r.pick(vocabulary)}`);
  const typo = [...picked.typos];
  for (const w of r.sample(
    vocabulary.filter((w) => w.length >= 6),
    100,
  ))
    typo.push(swapTypo(r, w));
  return { word, phrase, prefix: picked.typing.flat(), typo, none: picked.nothing };
}

/** `count` searches drawn with `seed`: the same draw on every run. */
export function drawBenchQueries(library: Library, count: number, seed = 20_261_207): BenchQuery[] {
  const r = createRandom(seed);
  const pools = poolsOf(createRandom(seed + 1));
  const stages = library.stages;
  const ofKind = (kind: string) => library.terms.filter((t) => t.kind === kind);
  const industries = ofKind("industry");
  const competitors = ofKind("competitor");
  const products = ofKind("product");
  const types = ["case_study", "battlecard", "one_pager", "deck", "competitive_brief", "talk_track"];
  const q = (kind: QueryKind, p: Record<string, string>): BenchQuery => ({
    kind,
    params: new URLSearchParams(p),
  });

  function filters(): Record<string, string> {
    const f: Record<string, string> = { stageIds: zipf(r, stages).id };
    if (r.chance(0.6)) f.industryIds = zipf(r, industries).id;
    if (r.chance(0.25)) f.types = r.sample(types, 2).join(",");
    if (r.chance(0.2)) f.competitorIds = zipf(r, competitors).id;
    if (r.chance(0.15)) f.freshness = r.pick(["30d", "90d", "1y"]);
    if (r.chance(0.15)) f.productIds = zipf(r, products).id;
    if (r.chance(0.1)) f.sort = "newest";
    return f;
  }

  const make: Record<QueryKind, () => BenchQuery> = {
    word: () => q("word", { q: zipf(r, pools.word) }),
    phrase: () => q("phrase", { q: zipf(r, pools.phrase) }),
    prefix: () => q("prefix", { q: zipf(r, pools.prefix), limit: "8", record: "false", facets: "false" }),
    filter: () => q("filter", filters()),
    "word+filter": () => q("word+filter", { q: zipf(r, pools.word), ...filters() }),
    typo: () => q("typo", { q: zipf(r, pools.typo) }),
    none: () => q("none", { q: zipf(r, pools.none) }),
  };
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    let x = r.next();
    const kind = SHARES.find(([, share]) => (x -= share) <= 0)?.[0] ?? "word";
    out.push(make[kind]());
  }
  return out;
}

/** The class a search is reported under, given whether its total was exact (at most 1,000 hits). */
export function benchClassOf(kind: QueryKind, totalExact: boolean): BenchClass {
  switch (kind) {
    case "word":
      return totalExact ? "rare word" : "common word";
    case "phrase":
      return "multi-word";
    case "prefix":
      return "prefix";
    case "typo":
      return "typo";
    case "filter":
      return "filter only";
    case "word+filter":
      return "word+filter";
    case "none":
      return "no match";
  }
}
