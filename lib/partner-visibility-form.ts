import { partnerAccessLevels, type PartnerAccessLevel } from "@/lib/partner-access";

/** Reads the partner visibility fields (components/partners/partner-visibility-fields) from a form. */
export function readPartnerVisibility(data: FormData) {
  const access = String(data.get("partnerAccess") ?? "none");
  return {
    partnerAccess: (partnerAccessLevels as readonly string[]).includes(access)
      ? (access as PartnerAccessLevel)
      : "none",
    minPartnerTierId: String(data.get("minPartnerTierId") ?? "") || null,
    partnerOrgIds: data.getAll("partnerOrgIds").map(String),
    partnerRegion: String(data.get("partnerRegion") ?? "").trim() || null,
  };
}
