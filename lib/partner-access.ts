/**
 * Who outside the company may see an asset, as plain constants: forms in the browser read them without
 * loading the validation schemas (lib/schemas/partner-visibility), which would ship zod to every page.
 */
export const partnerAccessLevels = ["none", "all", "tier", "orgs"] as const;
export type PartnerAccessLevel = (typeof partnerAccessLevels)[number];

export const partnerAccessLabels: Record<PartnerAccessLevel, string> = {
  none: "Internal only",
  all: "All partners",
  tier: "Partners at a tier and above",
  orgs: "Only the organisations chosen below",
};
