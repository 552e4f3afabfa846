/** The fictional vendor of the demo workspace, Northwind Cloud, and the world it sells into. */
export const vendor = "Northwind Cloud";

export const taxonomy = {
  product: ["Northwind Data Platform", "Insights Add-on", "Governance Suite", "Streaming Connectors"],
  industry: ["Healthcare", "Financial Services", "Manufacturing", "Retail", "Public Sector", "Technology"],
  persona: ["CFO", "CIO", "VP Sales", "Head of Operations", "IT Security"],
  region: ["North America", "EMEA", "APAC", "LATAM"],
  competitor: ["Contoso Data", "Fabrikam Analytics", "Initech Cloud", "Globex Warehouse"],
} as const;

export const customers: { name: string; industry: (typeof taxonomy.industry)[number] }[] = [
  { name: "Harborview Medical", industry: "Healthcare" },
  { name: "St. Aldric Health Network", industry: "Healthcare" },
  { name: "Mercy Valley Clinics", industry: "Healthcare" },
  { name: "Bluewater Bank", industry: "Financial Services" },
  { name: "Ashford Mutual Insurance", industry: "Financial Services" },
  { name: "Keystone Credit Union", industry: "Financial Services" },
  { name: "Ridgeline Fabrication", industry: "Manufacturing" },
  { name: "Hollis Automotive Parts", industry: "Manufacturing" },
  { name: "Tamsin Packaging", industry: "Manufacturing" },
  { name: "Copperleaf Outfitters", industry: "Retail" },
  { name: "Marlow & Finch", industry: "Retail" },
  { name: "FreshCart Grocers", industry: "Retail" },
  { name: "City of Eastbrook", industry: "Public Sector" },
  { name: "Lakeshore Transit Authority", industry: "Public Sector" },
  { name: "Vantora Software", industry: "Technology" },
  { name: "Quillpoint Labs", industry: "Technology" },
];

export const outcomes = [
  {
    headline: "cuts month-end reporting from 9 days to 2",
    metric: "78% faster close",
    detail: "finance teams stopped reconciling spreadsheets by hand",
  },
  {
    headline: "saves $1.4M a year in warehouse costs",
    metric: "$1.4M annual savings",
    detail: "three legacy warehouses were consolidated onto one platform",
  },
  {
    headline: "gives 2,000 frontline staff live dashboards",
    metric: "2,000 daily active users",
    detail: "store and ward managers see yesterday's numbers before 7 a.m.",
  },
  {
    headline: "passes its audit with zero data-lineage findings",
    metric: "0 audit findings",
    detail: "every regulated field is traced from source to report",
  },
  {
    headline: "launches real-time fraud alerts in six weeks",
    metric: "6-week go-live",
    detail: "streaming connectors replaced nightly batch jobs",
  },
  {
    headline: "reduces claim denials by 31%",
    metric: "31% fewer denials",
    detail: "denial patterns are flagged before claims are submitted",
  },
  {
    headline: "doubles analyst productivity",
    metric: "2x analyst output",
    detail: "self-service models replaced a queue of ad-hoc requests",
  },
];

export const scenarios = [
  "first call with a CFO",
  "displacing an incumbent warehouse",
  "security review with IT",
  "expanding from one team to the enterprise",
  "renewal with usage concerns",
  "procurement pushback on price",
  "multi-year commitment",
  "proof-of-concept kickoff",
];

export const stageNames = [
  "Awareness",
  "Discovery",
  "Evaluation",
  "Proposal",
  "Negotiation",
  "Closing",
] as const;
export type StageName = (typeof stageNames)[number];

/** Where each asset type is typically used in the buying journey. */
export const stagesByType: Record<string, StageName[][]> = {
  case_study: [["Discovery", "Evaluation"], ["Awareness", "Discovery"], ["Evaluation"]],
  roi_model: [["Proposal", "Evaluation"], ["Proposal"], ["Evaluation", "Negotiation"]],
  talk_track: [["Discovery"], ["Negotiation", "Closing"], ["Evaluation", "Proposal"]],
  battlecard: [["Evaluation", "Negotiation"], ["Evaluation"]],
  one_pager: [["Awareness"], ["Awareness", "Discovery"]],
  deck: [["Discovery", "Evaluation"], ["Awareness"], ["Proposal"]],
  email_template: [["Awareness"], ["Discovery"], ["Proposal", "Closing"], ["Negotiation"]],
  demo_script: [["Evaluation"], ["Discovery", "Evaluation"]],
  competitive_brief: [
    ["Evaluation", "Negotiation"],
    ["Discovery", "Evaluation"],
  ],
  video: [["Awareness", "Discovery"], ["Evaluation"]],
  other: [["Negotiation", "Closing"], ["Closing"], ["Proposal", "Negotiation"]],
};
