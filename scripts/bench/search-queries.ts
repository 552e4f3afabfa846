/**
 * The fixed mix of 200 searches `npm run bench:search` sends to GET /api/v1/assets, in a fixed shuffled
 * order: single words (common to rare), phrases, the quick search's as-you-type lookups (as it sends them:
 * limit 8, record=false, facets=false), facet browsing without words, words with stage/industry/type
 * filters, typos and searches that find nothing. Filters name the library's own stage and tag ids.
 */
import { createRandom } from "../../db/seed/random";
import type { Library } from "./search-seed";

export type QueryKind = "word" | "phrase" | "prefix" | "filter" | "word+filter" | "typo" | "none";

export interface BenchQuery {
  kind: QueryKind;
  /** The query string sent to GET /api/v1/assets. */
  params: URLSearchParams;
}

const words = [
  "data",
  "pricing",
  "security",
  "renewal",
  "compliance",
  "onboarding",
  "forecast",
  "roi",
  "procurement",
  "migration",
  "lineage",
  "failover",
  "chargeback",
  "hipaa",
  "fedramp",
  "questionnaire",
  "attestation",
  "webinar",
  "testimonial",
  "underwriting",
  "Contoso",
  "Globex",
  "Kestrel",
  "Vault",
  "Copilot",
  "Healthcare",
  "Insurance",
  "CFO",
  "CISO",
  "battlecard",
  "Oakbrook",
  "Silverhaven",
  "Ravenmoor",
  "Granitewick",
  "Hazelgard",
  "Emberholm",
  "Thornworth",
  "Wrenshaw",
  "Indigodale",
  "Copperlock",
];

const phrases = [
  '"security review"',
  "data governance",
  '"Kestrel Analytics" roi',
  "migration from spreadsheets",
  "competitor pricing objection",
  '"Contoso Data" battlecard',
  "month-end close",
  "fraud alerts",
  "proof of concept",
  '"Financial Services" case study',
  "renewal usage concerns",
  "executive business review",
  "hipaa compliance healthcare",
  "zero trust security",
  "warehouse costs savings",
  "Kestrel Vault encryption",
  "talk track procurement",
  "Globex Warehouse displacement",
  "one-pager CFO",
  "demo script Copilot",
];

/** What a rep types into the quick search, keystroke group by keystroke group. */
const typing = [
  ["sec", "secu", "secur", "securit", "security re"],
  ["batt", "battle", "battlec", "battlecard gl"],
  ["kes", "kestr", "kestrel a", "kestrel an"],
  ["onb", "onboar", "onboarding ch"],
  ["cont", "contos", "contoso da"],
  ["pric", "pricing ob", "pricing obj"],
  ["oakb", "oakbro"],
  ["hea", "healthc", "healthcare ca"],
  ["roi m", "roi mod"],
  ["renew", "renewal pl", "renewal play"],
  ["comp", "complian", "compliance au"],
  ["fra", "fraud al"],
  ["cfo o", "cfo one"],
  ["migr"],
];

const typos = [
  "battlecrad",
  "helthcare",
  "complaince",
  "contso",
  "pipleine",
  "kestral vualt",
  "finacial services",
  "renwal",
  "onbaording",
  "forcast",
  "procurment",
  "secuirty review",
  "manufacturng",
  "telecomunications",
  "case studdy",
  "Globx warehose",
  "cyberdine",
  "talk trak",
  "compettive brief",
  "implmentation",
];

const nothing = [
  "zzqxv",
  "xylophone",
  "quantum entanglement",
  "kubernetes helm chart",
  "blockchain nft",
  '"mars colony"',
  "aardvark",
  "qwertyuiop",
  "lorem ipsum dolor",
  "zebra crossing",
  "gluten free",
  "jazz saxophone",
  "tsunami",
  "origami",
  "vaporwave",
  "hyperloop",
  "snowboard",
  "pizzeria",
  "volcano",
  "kazoo",
];

/** The 200 searches, shuffled with a fixed seed so every run sends them in the same order. */
export function benchQueries(library: Library): BenchQuery[] {
  const r = createRandom(20_261_123);
  const stage = (name: string) => library.stages.find((s) => s.name === name)!.id;
  const term = (kind: string, name: string) =>
    library.terms.find((t) => t.kind === kind && t.name === name)!.id;
  const stageNames = library.stages.map((s) => s.name);
  const industries = library.terms.filter((t) => t.kind === "industry");
  const competitors = library.terms.filter((t) => t.kind === "competitor");
  const products = library.terms.filter((t) => t.kind === "product");
  const q = (kind: QueryKind, p: Record<string, string>) => ({ kind, params: new URLSearchParams(p) });
  const out: BenchQuery[] = [];

  for (const w of words) out.push(q("word", { q: w }));
  for (const p of phrases) out.push(q("phrase", { q: p }));
  for (const keys of typing)
    for (const k of keys) out.push(q("prefix", { q: k, limit: "8", record: "false", facets: "false" }));
  for (let i = 0; i < 30; i++) {
    const filters: Record<string, string> = { stageIds: stage(stageNames[i % stageNames.length]!) };
    if (i % 3 !== 2) filters.industryIds = industries[i % industries.length]!.id;
    if (i % 4 === 1) filters.types = "case_study,battlecard";
    if (i % 5 === 3) filters.competitorIds = competitors[i % competitors.length]!.id;
    if (i % 6 === 4) filters.freshness = "90d";
    if (i % 7 === 5) filters.productIds = products[i % products.length]!.id;
    out.push(q("filter", filters));
  }
  const withFilters = [
    ["security", "Negotiation", "Financial Services"],
    ["roi", "Proposal", "Healthcare"],
    ["case study", "Evaluation", "Retail"],
    ["pricing", "Negotiation", "Technology"],
    ["onboarding", "Closing", "Education"],
    ["Contoso", "Evaluation", "Manufacturing"],
    ["compliance", "Discovery", "Insurance"],
    ["migration", "Evaluation", "Energy"],
    ["forecast", "Awareness", "Logistics"],
    ["Kestrel Copilot", "Discovery", "Life Sciences"],
  ] as const;
  for (const [i, [words, stageName, industry]] of withFilters.entries()) {
    out.push(
      q("word+filter", { q: words, stageIds: stage(stageName), industryIds: term("industry", industry) }),
    );
    out.push(
      q("word+filter", {
        q: words,
        stageIds: `${stage(stageName)},${stage(stageNames[(i + 1) % stageNames.length]!)}`,
        types: i % 2 ? "battlecard,competitive_brief" : "case_study,one_pager",
      }),
    );
    out.push(
      q("word+filter", {
        q: words,
        industryIds: term("industry", industry),
        sort: "newest",
        ...(i % 2 ? { competitorIds: competitors[i]!.id } : { freshness: "1y" }),
      }),
    );
  }
  for (const t of typos) out.push(q("typo", { q: t }));
  for (const n of nothing) out.push(q("none", { q: n }));
  if (out.length !== 200) throw new Error(`The mix has ${out.length} queries, not 200`);
  return r.sample(out, out.length);
}
