/**
 * The synthetic sales-content library behind `npm run bench:search`: a vendor's products, competitors,
 * industries, personas and regions, a few hundred domain words drawn Zipf-like, and a long tail of customer
 * names, so common words match most assets and a customer's name only a few dozen. Every asset is a pure
 * function of (seed, index): the same library on every machine and in any loading order.
 */
import type { AssetType } from "../../lib/assets";
import type { TaxonomyKind } from "../../lib/taxonomy";
import { createRandom, type Random } from "../../db/seed/random";

export const taxonomy: Record<TaxonomyKind, string[]> = {
  product: [
    "Kestrel Analytics",
    "Kestrel Pipelines",
    "Kestrel Governance",
    "Kestrel Streams",
    "Kestrel Vault",
    "Kestrel Copilot",
    "Kestrel Edge",
    "Kestrel Connect",
  ],
  industry: [
    "Healthcare",
    "Financial Services",
    "Manufacturing",
    "Retail",
    "Public Sector",
    "Technology",
    "Insurance",
    "Energy",
    "Telecommunications",
    "Education",
    "Logistics",
    "Life Sciences",
  ],
  persona: [
    "CFO",
    "CIO",
    "CISO",
    "VP Sales",
    "Head of Operations",
    "IT Security",
    "Data Engineer",
    "Procurement Lead",
    "Chief Data Officer",
    "Sales Operations",
  ],
  region: ["North America", "EMEA", "APAC", "LATAM", "DACH", "Nordics"],
  competitor: [
    "Contoso Data",
    "Fabrikam Analytics",
    "Initech Cloud",
    "Globex Warehouse",
    "Umbrella Insights",
    "Hooli Data",
    "Stark Metrics",
    "Cyberdyne BI",
    "Tyrell Data",
    "Wonka Warehouse",
    "Vandelay Analytics",
    "Soylent Systems",
    "Massive Dynamic",
    "Oscorp Cloud",
    "Gringotts Ledger",
  ],
};

const stopWords =
  "the and of to a in for is on that with as by it this are be from at or an we our your their they can will has have more than not which when how what into each across per all also its you one two every most only after before during while so".split(
    " ",
  );

/** Sales-enablement vocabulary, most frequent first (Zipf rank = position). */
export const domainWords = `data customer team platform cost time value revenue security pipeline report
dashboard analytics business process deal buyer pricing integration cloud support risk compliance
governance reporting forecast quota renewal expansion onboarding implementation migration warehouse
performance scale savings budget contract procurement stakeholder champion executive sponsor approval
roi payback license subscription seat usage adoption retention churn growth margin efficiency
productivity visibility insight model workflow automation connector source query latency throughput
availability uptime backup recovery encryption access audit policy lineage catalog quality accuracy
trust privacy residency regulation hipaa gdpr sox fedramp soc iso certification vendor partner reseller
discount negotiation terms legal review redline signature renewal objection competitor displacement
incumbent evaluation proof concept pilot trial demo workshop discovery qualification pain need timeline
decision criteria committee consensus urgency priority initiative strategy roadmap vision transformation
modernization consolidation legacy spreadsheet manual reconciliation close finance accounting planning
operations supply chain inventory logistics store clinic patient claim fraud underwriting policyholder
shipment factory plant yield downtime maintenance sensor streaming realtime batch nightly latency event
alert anomaly prediction machine learning ai copilot assistant natural language semantic layer metric
kpi scorecard benchmark baseline target outcome result impact case reference testimonial quote story
interview video webinar ebook whitepaper datasheet brochure guide playbook template checklist calculator
estimate tco capex opex headcount analyst engineer administrator architect developer user admin role
permission sso saml okta scim provisioning tenant region zone failover sla incident response ticket
escalation success manager account territory segment enterprise midmarket smb commercial federal state
local agency ministry hospital bank insurer retailer manufacturer utility carrier university school
student researcher trial regulator examiner auditor board investor shareholder earnings quarter annual
fiscal year month week day hour minute faster cheaper simpler safer reliable scalable secure flexible
open standard api sdk sql python spark kafka snowflake databricks bigquery redshift postgres oracle
sap salesforce hubspot workday servicenow tableau powerbi looker excel email call meeting agenda
followup recap proposal quote order invoice payment collection credit debit ledger journal consolidation
entity subsidiary currency tax forecasting variance driver scenario sensitivity assumption input output
export import sync schedule trigger job run failure retry monitor observability log trace cost
allocation chargeback showback budget owner steward domain mesh fabric lakehouse lake mart cube
dimension fact table column row partition index cache compute storage egress bandwidth network firewall
vpn private link peering key rotation vault secret token certificate identity zero trust
posture threat vulnerability penetration test questionnaire evidence control framework attestation`
  .split(/\s+/)
  .filter(Boolean);

const namePrefixes =
  "Ash Bright Cedar Clear Copper Crest Deer Eagle Elm Fair Fern Fox Glen Gold Granite Green Harbor Hawk Hazel High Iron Juniper Lake Larch Linden Maple Marsh Meadow Mill North Oak Pine Quarry Raven Red River Rock Rose Sage Silver Spring Stone Summit Swift Thorn Timber Vale West Willow Wolf Wren Alder Birch Cobalt Dune Ember Flint Garnet Heron Indigo".split(
    " ",
  );
const nameSuffixes =
  "brook bridge field ford gate haven hill hurst land ley mere mont moor port ridge shire side stead ton vale view well wick wood worth crest dale fall gard holm lock more rock shaw stone burn by cliff cove den".split(
    " ",
  );
/** About 2,000 single-word customer names ("Oakbrook", "Silverhaven"): the vocabulary's long tail. */
export const customerNames = namePrefixes.flatMap((p) => nameSuffixes.map((s) => `${p}${s}`));

export const assetTypeWeights: [AssetType, number][] = [
  ["case_study", 16],
  ["one_pager", 13],
  ["deck", 12],
  ["email_template", 11],
  ["talk_track", 10],
  ["battlecard", 9],
  ["roi_model", 7],
  ["demo_script", 6],
  ["competitive_brief", 6],
  ["video", 5],
  ["other", 5],
];

const scenarios = [
  "first call with a CFO",
  "displacing an incumbent warehouse",
  "security review with IT",
  "expanding from one team to the enterprise",
  "renewal with usage concerns",
  "procurement pushback on price",
  "multi-year commitment",
  "proof-of-concept kickoff",
  "executive business review",
  "migration from spreadsheets",
];
const outcomes = [
  "cuts month-end close from 9 days to 2",
  "saves $1.4M a year in warehouse costs",
  "gives 2,000 frontline staff live dashboards",
  "passes its audit with zero lineage findings",
  "launches real-time fraud alerts in six weeks",
  "reduces claim denials by 31%",
  "doubles analyst productivity",
  "retires three legacy data marts",
];

/** A sampler over `items` with Zipf weights 1/(rank+q)^s, O(1) per draw through a lookup table. */
function zipfTable<T>(items: readonly T[], s = 1, q = 2.7, size = 1 << 16): T[] {
  const weights = items.map((_, i) => 1 / Math.pow(i + 1 + q, s));
  const total = weights.reduce((a, b) => a + b, 0);
  const table: T[] = [];
  let acc = 0;
  items.forEach((item, i) => {
    acc += weights[i]!;
    while (table.length < Math.round((acc / total) * size)) table.push(item);
  });
  return table;
}
const draw = <T>(r: Random, table: readonly T[]) => table[Math.floor(r.next() * table.length)]!;

const domainTable = zipfTable(domainWords);
const typeTable = (() => {
  const table: AssetType[] = [];
  for (const [type, w] of assetTypeWeights) for (let i = 0; i < w; i++) table.push(type);
  return table;
})();
const termTables = Object.fromEntries(
  Object.entries(taxonomy).map(([kind, names]) => [kind, zipfTable(names, 0.8, 1.5, 1 << 12)]),
) as Record<TaxonomyKind, string[]>;
const customerTable = zipfTable(customerNames, 0.6, 10);

export type AssetStatusKind = "published" | "draft" | "in_review" | "archived";

export interface CorpusAsset {
  type: AssetType;
  title: string;
  description: string;
  text: string;
  words: number;
  /** Stage positions 0..5 (Awareness .. Closing). */
  stages: number[];
  terms: { kind: TaxonomyKind; name: string }[];
  status: AssetStatusKind;
  /** Days before the run: negative = in the future. */
  expiresInDays: number | null;
  publishedDaysAgo: number;
  partnerAccess: "none" | "all" | "tier";
  ownerRank: number;
}

/** Where each type sits in the buying cycle: weights over the six default stages. */
const stageWeights: Partial<Record<AssetType, number[]>> = {
  email_template: [5, 4, 1, 1, 0.5, 0.5],
  one_pager: [5, 4, 2, 1, 0.3, 0.2],
  video: [5, 3, 2, 0.5, 0.2, 0.2],
  case_study: [2, 3, 5, 3, 1, 0.5],
  deck: [2, 5, 4, 2, 0.5, 0.3],
  talk_track: [2, 5, 3, 2, 2, 1],
  battlecard: [0.5, 2, 5, 3, 3, 1],
  competitive_brief: [0.5, 2, 5, 3, 2, 0.5],
  demo_script: [0.5, 3, 5, 1, 0.3, 0.2],
  roi_model: [0.3, 1, 4, 5, 3, 1],
};

function weightedPick(r: Random, weights: number[], exclude: Set<number>): number {
  const total = weights.reduce((a, w, i) => a + (exclude.has(i) ? 0 : w), 0);
  let x = r.next() * total;
  for (let i = 0; i < weights.length; i++) {
    if (exclude.has(i)) continue;
    x -= weights[i]!;
    if (x <= 0) return i;
  }
  return weights.length - 1;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** ~`target` words of prose: 40% function words, domain words by Zipf rank, the asset's own names. */
function bodyText(r: Random, target: number, topical: string[]): { text: string; words: number } {
  const paragraphs: string[] = [];
  let sentences: string[] = [];
  let words = 0;
  while (words < target) {
    const n = r.int(8, 22);
    const sentence: string[] = [];
    for (let i = 0; i < n; i++) {
      const x = r.next();
      sentence.push(x < 0.4 ? r.pick(stopWords) : x < 0.93 ? draw(r, domainTable) : r.pick(topical));
    }
    words += n;
    sentences.push(`${capitalise(sentence.join(" "))}.`);
    if (sentences.length >= r.int(4, 8)) {
      paragraphs.push(sentences.join(" "));
      sentences = [];
    }
  }
  if (sentences.length) paragraphs.push(sentences.join(" "));
  return { text: paragraphs.join("\n\n"), words };
}

function titleOf(r: Random, type: AssetType, names: Record<string, string>): string {
  const { product, competitor, industry, persona, customer } = names as Record<string, string>;
  const edition = r.chance(0.5)
    ? ` (${r.pick(["FY24", "FY25", "FY26"])} ${r.pick(["Q1", "Q2", "Q3", "Q4"])})`
    : "";
  switch (type) {
    case "case_study":
      return `${customer} ${r.pick(outcomes)} with ${product}`;
    case "battlecard":
      return `Battlecard: ${product} vs ${competitor}${edition}`;
    case "competitive_brief":
      return `Competitive brief: winning against ${competitor} in ${industry}`;
    case "roi_model":
      return `ROI model: ${product} for ${industry}${edition}`;
    case "talk_track":
      return `Talk track: ${r.pick(scenarios)} (${industry})`;
    case "one_pager":
      return `${product} one-pager for ${persona} buyers${edition}`;
    case "deck":
      return `${product} ${industry} pitch deck${edition}`;
    case "email_template":
      return `Email template: ${r.pick(scenarios)}`;
    case "demo_script":
      return `Demo script: ${product} for ${persona}${edition}`;
    case "video":
      return `Video: ${customer} on ${draw(r, domainTable)} and ${draw(r, domainTable)}`;
    case "other":
      return `${capitalise(draw(r, domainTable))} ${r.pick(["FAQ", "checklist", "guide", "playbook", "template"])} for ${industry}`;
  }
}

/** The asset at `index` of a library seeded with `seed`. */
/** Assets' mean extracted-text length in words, unless the bench is told another (`--words`). */
export const MEAN_WORDS = 1500;

export function corpusAsset(seed: number, index: number, meanWords = MEAN_WORDS): CorpusAsset {
  const r = createRandom(seed * 1_000_003 + index);
  const type = draw(r, typeTable);
  const terms: { kind: TaxonomyKind; name: string }[] = [];
  const add = (kind: TaxonomyKind, n: number) => {
    const chosen = new Set<string>();
    for (let tries = 0; chosen.size < n && tries < 10; tries++) chosen.add(draw(r, termTables[kind]));
    for (const name of chosen) terms.push({ kind, name });
  };
  add("product", r.chance(0.9) ? (r.chance(0.25) ? 2 : 1) : 0);
  add("industry", r.chance(0.85) ? (r.chance(0.15) ? 2 : 1) : 0);
  add("persona", r.chance(0.6) ? (r.chance(0.3) ? 2 : 1) : 0);
  add("region", r.chance(0.4) ? 1 : 0);
  const competitive = type === "battlecard" || type === "competitive_brief";
  add("competitor", competitive ? (r.chance(0.2) ? 2 : 1) : r.chance(0.15) ? 1 : 0);

  const first = (kind: TaxonomyKind) => terms.find((t) => t.kind === kind)?.name ?? draw(r, termTables[kind]);
  const names = {
    product: first("product"),
    competitor: first("competitor"),
    industry: first("industry"),
    persona: first("persona"),
    customer: draw(r, customerTable),
  };
  const topical = [
    ...Object.values(names).flatMap((n) => n.split(" ")),
    draw(r, customerTable),
    draw(r, customerTable),
  ];

  const stageCount = weightedPick(r, [45, 35, 15, 4, 1], new Set()) + 1;
  const weights = stageWeights[type] ?? [1, 1, 1, 1, 1, 1];
  const stages = new Set<number>();
  while (stages.size < stageCount) stages.add(weightedPick(r, weights, stages));

  // Lengths vary a lot (a one-page email template, a 40-page deck) around the mean (1,500 words).
  const target = Math.max(
    Math.min(120, meanWords),
    Math.round(meanWords * Math.exp(0.6 * (r.next() + r.next() + r.next() - 1.5)) * 0.95),
  );
  const body = bodyText(r, target, topical);
  const x = r.next();
  const status: AssetStatusKind =
    x < 0.84 ? "published" : x < 0.91 ? "draft" : x < 0.93 ? "in_review" : "archived";
  const e = r.next();
  return {
    type,
    title: titleOf(r, type, names),
    description: `${capitalise(type.replace("_", " "))} for ${names.persona} conversations in ${names.industry}: ${r.pick(scenarios)}, with ${names.product} ${draw(r, domainTable)} and ${draw(r, domainTable)} ${r.pick(["proof points", "talking points", "numbers", "objection handling"])}.`,
    text: body.text,
    words: body.words,
    stages: [...stages].sort(),
    terms,
    status,
    expiresInDays: e < 0.06 ? r.int(1, 400) : e < 0.14 ? -r.int(30, 700) : null,
    publishedDaysAgo: Math.floor(Math.pow(r.next(), 1.6) * 1100),
    partnerAccess: r.chance(0.2) ? "all" : r.chance(0.1) ? "tier" : "none",
    ownerRank: Math.floor(Math.pow(r.next(), 2) * 40),
  };
}
