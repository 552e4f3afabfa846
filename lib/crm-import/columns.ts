import { z } from "zod";

export const importSources = ["salesforce", "hubspot", "generic"] as const;
export type ImportSource = (typeof importSources)[number];

export const importFields = [
  "externalId",
  "name",
  "accountName",
  "amount",
  "currency",
  "stage",
  "closeDate",
  "ownerEmail",
  "isWon",
  "isClosed",
] as const;
export type ImportField = (typeof importFields)[number];

export const requiredFields: ImportField[] = ["externalId", "name", "stage"];

export const importFieldLabels: Record<ImportField, string> = {
  externalId: "CRM record id",
  name: "Deal name",
  accountName: "Account",
  amount: "Amount",
  currency: "Currency",
  stage: "Stage",
  closeDate: "Close date",
  ownerEmail: "Owner email",
  isWon: "Won (true/false)",
  isClosed: "Closed (true/false)",
};

/** Maps each Baton field to the CSV column it is read from (by header name). */
export const columnMappingSchema = z.partialRecord(z.enum(importFields), z.string().min(1));
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const aliases: Record<ImportSource, Partial<Record<ImportField, string[]>>> = {
  salesforce: {
    externalId: ["opportunity id", "id", "18 digit opportunity id", "opportunity id (18)"],
    name: ["opportunity name", "name"],
    accountName: ["account name", "account.name", "account"],
    amount: ["amount", "total amount"],
    currency: ["opportunity currency", "amount currency", "currencyisocode", "currency"],
    stage: ["stage", "stagename"],
    closeDate: ["close date", "closedate"],
    ownerEmail: ["owner email", "opportunity owner email", "owner.email"],
    isWon: ["won", "iswon"],
    isClosed: ["closed", "isclosed"],
  },
  hubspot: {
    externalId: ["record id", "deal id", "hs_object_id"],
    name: ["deal name", "dealname"],
    accountName: ["associated company", "associated company (primary)", "company name", "company"],
    amount: ["amount", "amount in company currency"],
    currency: ["currency", "deal_currency_code"],
    stage: ["deal stage", "dealstage"],
    closeDate: ["close date", "closedate"],
    ownerEmail: ["deal owner email", "owner email"],
  },
  generic: {
    externalId: ["external id", "id", "deal id", "record id"],
    name: ["name", "deal name", "deal"],
    accountName: ["account", "account name", "company", "customer"],
    amount: ["amount", "value", "deal value"],
    currency: ["currency"],
    stage: ["stage", "deal stage"],
    closeDate: ["close date", "closedate", "expected close"],
    ownerEmail: ["owner email", "owner", "rep email"],
    isWon: ["won"],
    isClosed: ["closed"],
  },
};

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

/** Guesses the CRM from the header row. */
export function detectSource(headers: string[]): ImportSource {
  const set = new Set(headers.map(norm));
  if (["opportunity name", "opportunity id", "stagename"].some((h) => set.has(h))) return "salesforce";
  if (["record id", "deal name", "deal stage", "dealstage"].some((h) => set.has(h))) return "hubspot";
  return "generic";
}

/** The column each field most likely lives in, for the preview to show and the user to correct. */
export function detectMapping(headers: string[], source: ImportSource): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    const candidates = aliases[source][field] ?? aliases.generic[field] ?? [];
    const hit = headers.find((h) => candidates.includes(norm(h)));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}

/** Salesforce and HubSpot default pipeline stages, mapped to Baton's default buying stages. */
export const defaultStageHints: Record<string, { stage?: string; status?: "won" | "lost" }> = {
  prospecting: { stage: "Awareness" },
  qualification: { stage: "Discovery" },
  "needs analysis": { stage: "Discovery" },
  "value proposition": { stage: "Evaluation" },
  "id. decision makers": { stage: "Evaluation" },
  "perception analysis": { stage: "Evaluation" },
  "proposal/price quote": { stage: "Proposal" },
  "negotiation/review": { stage: "Negotiation" },
  "closed won": { stage: "Closing", status: "won" },
  "closed lost": { status: "lost" },
  appointmentscheduled: { stage: "Discovery" },
  "appointment scheduled": { stage: "Discovery" },
  qualifiedtobuy: { stage: "Discovery" },
  "qualified to buy": { stage: "Discovery" },
  presentationscheduled: { stage: "Evaluation" },
  "presentation scheduled": { stage: "Evaluation" },
  decisionmakerboughtin: { stage: "Proposal" },
  "decision maker bought-in": { stage: "Proposal" },
  contractsent: { stage: "Negotiation" },
  "contract sent": { stage: "Negotiation" },
  closedwon: { stage: "Closing", status: "won" },
  closedlost: { status: "lost" },
};
