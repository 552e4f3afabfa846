/**
 * Hand-picked searches for `npm run bench:search` (search-mix.ts draws from them and from generated ones):
 * single words (product, competitor and industry names among them), phrases, the quick search's as-you-type
 * keystrokes, typos and searches that find nothing.
 */

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

/** The hand-picked lists search-mix.ts draws from, besides the vocabulary it generates from. */
export function handPicked() {
  return { words, phrases, typing, typos, nothing };
}
