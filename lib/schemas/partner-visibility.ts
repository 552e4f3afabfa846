import { z } from "zod";
import { partnerAccessLevels } from "@/lib/partner-access";
import { uniqueIds } from "./api-common";

/**
 * Who outside the company sees an asset. "tier" also admits the organisations named in partnerOrgIds;
 * partnerRegion limits every kind of partner access to organisations of that region.
 */
export const partnerVisibilitySchema = z
  .object({
    partnerAccess: z.enum(partnerAccessLevels),
    minPartnerTierId: z.uuid().nullable().default(null),
    partnerOrgIds: uniqueIds().max(200).default([]),
    partnerRegion: z.string().trim().max(60).nullable().default(null),
  })
  .refine((v) => v.partnerAccess !== "tier" || v.minPartnerTierId !== null, {
    path: ["minPartnerTierId"],
    message: "Choose the lowest tier that may see it",
  })
  .refine((v) => v.partnerAccess !== "orgs" || v.partnerOrgIds.length > 0, {
    path: ["partnerOrgIds"],
    message: "Choose at least one partner organisation",
  })
  .meta({ id: "PartnerVisibility" });

export type PartnerVisibility = z.infer<typeof partnerVisibilitySchema>;

export const bulkPartnerVisibilitySchema = z.object({
  assetIds: uniqueIds().min(1, "Select at least one asset").max(500),
  visibility: partnerVisibilitySchema,
});
