/**
 * Labelled queries over the demo library (server/demo, db/seed/content.ts), as a rep sees it: published assets
 * only. Each lists the titles a reasonable user expects at the top, in no particular order; a query scores
 * the share of its first k distinct result titles (k = the number of labels, at most 10) that are labelled.
 * Labelled by reading the demo's titles, descriptions, tags and stages, not from the engine's answers. Assets
 * the demo seeds as expired (every 23rd from the 6th) are left out: a rep never sees them.
 * The demo files' text is not extracted (the worker does that), so titles, tags and descriptions decide.
 */
export type QueryClass = "rare" | "common" | "multi" | "typo" | "filter";

export interface LabelledQuery {
  class: QueryClass;
  q?: string;
  /** Buying stage names. */
  stages?: string[];
  /** Taxonomy term names (any kind). */
  tags?: string[];
  types?: ("battlecard" | "deck" | "one_pager" | "case_study")[];
  expect: string[];
  /** Why, where the label is not obvious. */
  note?: string;
}

const harborview = [
  "Harborview Medical passes its audit with zero data-lineage findings",
  "Harborview Medical gives 2,000 frontline staff live dashboards",
  "Video: Harborview Medical customer story",
];
const bluewater = ["Bluewater Bank reduces claim denials by 31%", "Video: Bluewater Bank customer story"];
const initech = [
  "Battlecard: Northwind Cloud vs Initech Cloud",
  "Battlecard: Northwind Cloud vs Initech Cloud (pricing)",
  "Initech Cloud migration path brief",
  "Initech Cloud security posture brief",
];
const fabrikam = [
  "Battlecard: Northwind Cloud vs Fabrikam Analytics (pricing)",
  "Battlecard: Northwind Cloud vs Fabrikam Analytics (support model)",
  "Fabrikam Analytics pricing brief",
  "Fabrikam Analytics security posture brief",
  "Fabrikam Analytics support model brief",
];
const battlecards = [
  "Battlecard: Northwind Cloud vs Contoso Data",
  "Battlecard: Northwind Cloud vs Contoso Data (support model)",
  ...fabrikam.slice(0, 2),
  "Battlecard: Northwind Cloud vs Globex Warehouse (security posture)",
  ...initech.slice(0, 2),
];
const procurement = [
  "Procurement packet: standard terms explained",
  "Talk track: procurement pushback on price",
  "Email: follow-up after procurement pushback on price",
];
const governanceTitles = [
  "Governance Suite one-pager for the CFO",
  "Governance Suite one-pager for the CIO",
  "Governance Suite one-pager for the Head of Operations",
  "Governance Suite one-pager for the IT Security",
  "Healthcare pitch deck: Governance Suite",
  "Manufacturing pitch deck: Governance Suite",
  "Public Sector pitch deck: Governance Suite",
  "Healthcare ROI model for Governance Suite",
  "Manufacturing ROI model for Governance Suite",
  "Public Sector ROI model for Governance Suite",
  "Demo script: Governance Suite for Heads of Operations",
];
const platformTitles = [
  "Healthcare ROI model for Northwind Data Platform",
  "Manufacturing ROI model for Northwind Data Platform",
  "Northwind Data Platform one-pager for the Head of Operations",
  "Northwind Data Platform one-pager for the IT Security",
  "Northwind Data Platform one-pager for the VP Sales",
  "Healthcare pitch deck: Northwind Data Platform",
  "Manufacturing pitch deck: Northwind Data Platform",
  "Demo script: Northwind Data Platform for CFOs",
  "Demo script: Northwind Data Platform for CIOs",
  "Demo script: Northwind Data Platform for IT Security teams",
];

export const rankingSet: LabelledQuery[] = [
  // Rare: a customer, competitor or topic named by a handful of assets.
  { class: "rare", q: "Harborview", expect: harborview },
  { class: "rare", q: "Bluewater", expect: bluewater, note: "the fraud-alerts case study is in review" },
  { class: "rare", q: "Quillpoint", expect: ["Quillpoint Labs doubles analyst productivity"] },
  { class: "rare", q: "Tamsin", expect: ["Tamsin Packaging doubles analyst productivity"] },
  {
    class: "rare",
    q: "Eastbrook",
    expect: ["City of Eastbrook launches real-time fraud alerts in six weeks"],
  },
  { class: "rare", q: "Brightpath", expect: ["Brightpath x Northwind co-marketing kit"] },
  { class: "rare", q: "residency", expect: ["Data residency statement"] },
  {
    class: "rare",
    q: "Copperleaf",
    expect: ["Copperleaf Outfitters gives 2,000 frontline staff live dashboards"],
  },
  {
    class: "rare",
    q: "denials",
    expect: [
      "Bluewater Bank reduces claim denials by 31%",
      "Marlow & Finch reduces claim denials by 31%",
      "St. Aldric Health Network reduces claim denials by 31%",
    ],
  },
  {
    class: "rare",
    q: "Lakeshore",
    expect: ["Lakeshore Transit Authority cuts month-end reporting from 9 days to 2"],
  },
  {
    class: "rare",
    q: "Initech",
    expect: initech,
    note: "titles naming Initech before the case studies that are only tagged with it",
  },
  {
    class: "rare",
    q: "Hollis",
    expect: [
      "Hollis Automotive Parts passes its audit with zero data-lineage findings",
      "Video: Hollis Automotive Parts customer story",
    ],
  },
  {
    class: "rare",
    q: "dashboards",
    expect: [
      "Copperleaf Outfitters gives 2,000 frontline staff live dashboards",
      "Harborview Medical gives 2,000 frontline staff live dashboards",
      "Mercy Valley Clinics gives 2,000 frontline staff live dashboards",
    ],
  },

  // Common: a word many assets carry; the ones that are about it (title) first.
  {
    class: "common",
    q: "pricing",
    expect: [
      "Battlecard: Northwind Cloud vs Fabrikam Analytics (pricing)",
      "Battlecard: Northwind Cloud vs Initech Cloud (pricing)",
      "Contoso Data pricing brief",
      "Fabrikam Analytics pricing brief",
      "Pricing and packaging guide",
    ],
    note: "'pricing' as typed above titles that only say 'price' (same stem)",
  },
  {
    class: "common",
    q: "security",
    expect: [
      "Talk track: security review with IT",
      "Email: follow-up after security review with IT",
      "Battlecard: Northwind Cloud vs Globex Warehouse (security posture)",
      "Fabrikam Analytics security posture brief",
      "Initech Cloud security posture brief",
      "Security and compliance FAQ",
      "Demo script: Northwind Data Platform for IT Security teams",
      "Demo script: Streaming Connectors for IT Security teams",
      "Governance Suite one-pager for the IT Security",
      "Insights Add-on one-pager for the IT Security",
      "Northwind Data Platform one-pager for the IT Security",
    ],
  },
  {
    class: "common",
    q: "healthcare",
    expect: [
      "Healthcare ROI model for Governance Suite",
      "Healthcare ROI model for Northwind Data Platform",
      "Healthcare pitch deck: Governance Suite",
      "Healthcare pitch deck: Northwind Data Platform",
    ],
  },
  {
    class: "common",
    q: "warehouse",
    expect: [
      "Talk track: displacing an incumbent warehouse",
      "Email: follow-up after displacing an incumbent warehouse",
      "Battlecard: Northwind Cloud vs Globex Warehouse (security posture)",
      "Globex Warehouse migration path brief",
      "Ashford Mutual Insurance saves $1.4M a year in warehouse costs",
      "Mercy Valley Clinics saves $1.4M a year in warehouse costs",
    ],
  },
  { class: "common", q: "governance", expect: governanceTitles },
  {
    class: "common",
    q: "CFO",
    expect: [
      "Talk track: first call with a CFO",
      "Email: follow-up after first call with a CFO",
      "Governance Suite one-pager for the CFO",
      "Streaming Connectors one-pager for the CFO",
      "Demo script: Insights Add-on for CFOs",
      "Demo script: Northwind Data Platform for CFOs",
    ],
  },
  {
    class: "common",
    q: "email",
    expect: [
      "Email: follow-up after displacing an incumbent warehouse",
      "Email: follow-up after expanding from one team to the enterprise",
      "Email: follow-up after first call with a CFO",
      "Email: follow-up after multi-year commitment",
      "Email: follow-up after procurement pushback on price",
      "Email: follow-up after proof-of-concept kickoff",
      "Email: follow-up after renewal with usage concerns",
      "Email: follow-up after security review with IT",
    ],
  },
  {
    class: "common",
    q: "video",
    expect: [
      "Video: Ashford Mutual Insurance customer story",
      "Video: Bluewater Bank customer story",
      "Video: Harborview Medical customer story",
      "Video: Hollis Automotive Parts customer story",
      "Video: Keystone Credit Union customer story",
      "Video: Mercy Valley Clinics customer story",
      "Video: Ridgeline Fabrication customer story",
      "Video: St. Aldric Health Network customer story",
    ],
  },
  {
    class: "common",
    q: "demo",
    expect: [
      "Demo script: Governance Suite for Heads of Operations",
      "Demo script: Insights Add-on for CFOs",
      "Demo script: Insights Add-on for CIOs",
      "Demo script: Insights Add-on for VP Saless",
      "Demo script: Northwind Data Platform for CFOs",
      "Demo script: Northwind Data Platform for CIOs",
      "Demo script: Northwind Data Platform for IT Security teams",
      "Demo script: Streaming Connectors for Heads of Operations",
      "Demo script: Streaming Connectors for IT Security teams",
    ],
  },
  {
    class: "common",
    q: "ROI",
    expect: [
      "Financial Services ROI model for Insights Add-on",
      "Financial Services ROI model for Streaming Connectors",
      "Healthcare ROI model for Governance Suite",
      "Healthcare ROI model for Northwind Data Platform",
      "Manufacturing ROI model for Governance Suite",
      "Manufacturing ROI model for Northwind Data Platform",
      "Public Sector ROI model for Governance Suite",
      "Retail ROI model for Insights Add-on",
      "Retail ROI model for Streaming Connectors",
      "Technology ROI model for Insights Add-on",
    ],
  },
  { class: "common", q: "platform", expect: platformTitles },

  // Multi-word: every word matters.
  {
    class: "multi",
    q: "Contoso pricing",
    expect: ["Contoso Data pricing brief", "Battlecard: Northwind Cloud vs Contoso Data"],
    note: "the battlecard's description is about pricing",
  },
  {
    class: "multi",
    q: "Fabrikam security posture",
    expect: ["Fabrikam Analytics security posture brief"],
  },
  {
    class: "multi",
    q: "healthcare ROI",
    expect: ["Healthcare ROI model for Governance Suite", "Healthcare ROI model for Northwind Data Platform"],
  },
  {
    class: "multi",
    q: "first call CFO",
    expect: ["Talk track: first call with a CFO", "Email: follow-up after first call with a CFO"],
  },
  { class: "multi", q: "Globex migration", expect: ["Globex Warehouse migration path brief"] },
  {
    class: "multi",
    q: "retail pitch deck",
    expect: ["Retail pitch deck: Insights Add-on", "Retail pitch deck: Streaming Connectors"],
  },
  {
    class: "multi",
    q: "streaming connectors one-pager",
    expect: [
      "Streaming Connectors one-pager for the CFO",
      "Streaming Connectors one-pager for the CIO",
      "Streaming Connectors one-pager for the VP Sales",
    ],
  },
  { class: "multi", q: "Harborview customer story", expect: ["Video: Harborview Medical customer story"] },
  {
    class: "multi",
    q: "month-end reporting",
    expect: [
      "Ashford Mutual Insurance cuts month-end reporting from 9 days to 2",
      "Lakeshore Transit Authority cuts month-end reporting from 9 days to 2",
      "Ridgeline Fabrication cuts month-end reporting from 9 days to 2",
    ],
  },
  {
    class: "multi",
    q: "security review",
    expect: ["Talk track: security review with IT", "Email: follow-up after security review with IT"],
  },
  { class: "multi", q: "standard terms", expect: ["Procurement packet: standard terms explained"] },
  {
    class: "multi",
    q: "renewal usage concerns",
    expect: ["Talk track: renewal with usage concerns", "Email: follow-up after renewal with usage concerns"],
  },
  {
    class: "multi",
    q: "Insights demo script",
    expect: [
      "Demo script: Insights Add-on for CFOs",
      "Demo script: Insights Add-on for CIOs",
      "Demo script: Insights Add-on for VP Saless",
    ],
  },

  // Typo: a misspelt name still finds what it names.
  { class: "typo", q: "Harborveiw", expect: harborview },
  { class: "typo", q: "Bluwater", expect: bluewater },
  { class: "typo", q: "Quilpoint", expect: ["Quillpoint Labs doubles analyst productivity"] },
  { class: "typo", q: "battlecrad", expect: battlecards },
  { class: "typo", q: "Fabrikm", expect: fabrikam },
  { class: "typo", q: "residncy", expect: ["Data residency statement"] },
  {
    class: "typo",
    q: "Eastbrok",
    expect: ["City of Eastbrook launches real-time fraud alerts in six weeks"],
  },
  {
    class: "typo",
    q: "Copperlef",
    expect: ["Copperleaf Outfitters gives 2,000 frontline staff live dashboards"],
  },
  { class: "typo", q: "Brightpth", expect: ["Brightpath x Northwind co-marketing kit"] },
  { class: "typo", q: "procurment", expect: procurement },
  {
    class: "typo",
    q: "Lakshore",
    expect: ["Lakeshore Transit Authority cuts month-end reporting from 9 days to 2"],
  },

  // Stage, tag and type filters with words.
  {
    class: "filter",
    q: "pricing",
    stages: ["Negotiation"],
    expect: ["Contoso Data pricing brief", "Fabrikam Analytics pricing brief", "Pricing and packaging guide"],
  },
  { class: "filter", q: "security", stages: ["Closing"], expect: ["Security and compliance FAQ"] },
  {
    class: "filter",
    q: "battlecard",
    tags: ["Contoso Data"],
    expect: [
      "Battlecard: Northwind Cloud vs Contoso Data",
      "Battlecard: Northwind Cloud vs Contoso Data (support model)",
    ],
  },
  {
    class: "filter",
    q: "customer story",
    tags: ["Healthcare"],
    expect: [
      "Video: Harborview Medical customer story",
      "Video: Mercy Valley Clinics customer story",
      "Video: St. Aldric Health Network customer story",
    ],
  },
  {
    class: "filter",
    q: "ROI",
    tags: ["Retail"],
    expect: ["Retail ROI model for Insights Add-on", "Retail ROI model for Streaming Connectors"],
  },
  {
    class: "filter",
    q: "one-pager",
    tags: ["CIO"],
    expect: ["Governance Suite one-pager for the CIO", "Streaming Connectors one-pager for the CIO"],
  },
  {
    class: "filter",
    q: "talk track",
    stages: ["Discovery"],
    expect: [
      "Talk track: expanding from one team to the enterprise",
      "Talk track: first call with a CFO",
      "Talk track: procurement pushback on price",
      "Talk track: proof-of-concept kickoff",
      "Talk track: renewal with usage concerns",
      "Talk track: security review with IT",
    ],
  },
  {
    class: "filter",
    q: "email",
    stages: ["Negotiation"],
    expect: [
      "Email: follow-up after expanding from one team to the enterprise",
      "Email: follow-up after first call with a CFO",
      "Email: follow-up after proof-of-concept kickoff",
      "Email: follow-up after security review with IT",
    ],
  },
  {
    class: "filter",
    q: "demo script",
    tags: ["Streaming Connectors"],
    expect: [
      "Demo script: Streaming Connectors for Heads of Operations",
      "Demo script: Streaming Connectors for IT Security teams",
    ],
  },
  {
    class: "filter",
    q: "brief",
    tags: ["Initech Cloud"],
    expect: ["Initech Cloud migration path brief", "Initech Cloud security posture brief"],
  },
  {
    class: "filter",
    q: "deck",
    tags: ["Technology"],
    stages: ["Awareness"],
    expect: ["Technology pitch deck: Insights Add-on"],
  },
  {
    class: "filter",
    q: "audit",
    stages: ["Awareness"],
    expect: ["Vantora Software passes its audit with zero data-lineage findings"],
  },
  {
    class: "filter",
    q: "pricing",
    types: ["battlecard"],
    expect: [
      "Battlecard: Northwind Cloud vs Fabrikam Analytics (pricing)",
      "Battlecard: Northwind Cloud vs Initech Cloud (pricing)",
    ],
  },
];
