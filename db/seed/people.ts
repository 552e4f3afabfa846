import type { Role } from "@/lib/roles";

export const DEMO_PASSWORD = "baton-demo";

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  team?: string;
  org?: string;
  /** A marketer who manages partner orgs and invitations. */
  channelManager?: boolean;
}

export const partnerOrgSpecs = [
  { name: "Brightpath Consulting", tier: "Platinum", region: "North America" },
  { name: "Lumen Partners", tier: "Gold", region: "EMEA" },
  { name: "Crestline IT", tier: "Silver", region: "APAC" },
  { name: "Summit Resellers", tier: "Registered", region: "North America" },
] as const;

const reps: [string, string, string][] = [
  ["rick.rep", "Rick Alvarez", "Enterprise East"],
  ["jordan.lee", "Jordan Lee", "Enterprise East"],
  ["priya.nair", "Priya Nair", "Enterprise East"],
  ["tom.becker", "Tom Becker", "Enterprise East"],
  ["amara.osei", "Amara Osei", "Enterprise West"],
  ["lucas.martin", "Lucas Martin", "Enterprise West"],
  ["hannah.kim", "Hannah Kim", "Enterprise West"],
  ["diego.ramos", "Diego Ramos", "Enterprise West"],
  ["grace.wu", "Grace Wu", "Mid-Market"],
  ["noah.brennan", "Noah Brennan", "Mid-Market"],
  ["zara.hussain", "Zara Hussain", "Mid-Market"],
  ["eli.novak", "Eli Novak", "Mid-Market"],
];

/** Every account the demo creates; the first of each role is the one the README lists. */
export const demoAccounts: DemoAccount[] = [
  { role: "admin", email: "admin@northwind.test", name: "Alex Admin" },
  {
    role: "marketer",
    email: "maya.marketing@northwind.test",
    name: "Maya Marketing",
    team: "Product Marketing",
  },
  {
    role: "marketer",
    email: "omar.okafor@northwind.test",
    name: "Omar Okafor",
    team: "Competitive Intelligence",
  },
  {
    role: "marketer",
    email: "lena.fischer@northwind.test",
    name: "Lena Fischer",
    team: "Field Marketing",
    channelManager: true,
  },
  ...reps.map(([local, name, team]) => ({
    role: "rep" as const,
    email: `${local}@northwind.test`,
    name,
    team,
  })),
  {
    role: "partner",
    email: "pat.partner@brightpath.test",
    name: "Pat Partner",
    org: "Brightpath Consulting",
  },
  { role: "partner", email: "sam.reyes@brightpath.test", name: "Sam Reyes", org: "Brightpath Consulting" },
  {
    role: "partner",
    email: "sofia.lumen@lumenpartners.test",
    name: "Sofia Lindqvist",
    org: "Lumen Partners",
  },
  { role: "partner", email: "ken.crestline@crestline.test", name: "Ken Watanabe", org: "Crestline IT" },
  {
    role: "partner",
    email: "dana.summit@summitresellers.test",
    name: "Dana Summit",
    org: "Summit Resellers",
  },
];
