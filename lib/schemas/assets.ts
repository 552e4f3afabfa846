import { z } from "zod";
import { boundedDateTime, uniqueIds } from "./api-common";
import { assetStatuses, assetTypes, processingStates } from "@/lib/assets";
import { partnerVisibilitySchema } from "./partner-visibility";

export const assetMetadataSchema = z
  .object({
    title: z.string().trim().min(1, "Give the asset a title").max(200, "Keep the title under 200 characters"),
    type: z.enum(assetTypes, { message: "Choose an asset type" }),
    description: z.string().trim().max(5000).default(""),
    stageIds: uniqueIds().min(1, "Tag at least one buying stage").max(20),
    termIds: uniqueIds().max(50).default([]),
    status: z.enum(["draft", "in_review", "published"]).default("draft"),
    allowDuplicate: z
      .boolean()
      .default(false)
      .meta({ description: "Create the asset even if the same file (by SHA-256) is already in the library" }),
  })
  .meta({ id: "AssetMetadata" });

export type AssetMetadataInput = z.input<typeof assetMetadataSchema>;

export const assetSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    type: z.enum(assetTypes),
    status: z.enum(assetStatuses),
    description: z.string(),
    stageIds: z.array(z.uuid()),
    processing: z
      .object({
        state: z.enum(processingStates),
        reason: z.string().nullable().meta({ description: "Why processing failed (content managers only)" }),
      })
      .meta({
        description:
          "Text extraction and previews of the current file: the asset is searchable by its contents once done",
      }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AssetSummary" });

export const updateAssetSchema = z
  .object({
    title: z.string().trim().min(1, "Give the asset a title").max(200).optional(),
    description: z.string().trim().max(5000).optional(),
    type: z.enum(assetTypes).optional(),
    stageIds: uniqueIds().min(1, "Tag at least one buying stage").max(20).optional(),
    termIds: uniqueIds().max(50).optional(),
    status: z.enum(assetStatuses).optional(),
    expiresAt: boundedDateTime().nullable().optional(),
    reviewBy: boundedDateTime().nullable().optional(),
    allowDownload: z.boolean().optional(),
    partnerVisibility: partnerVisibilitySchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" })
  .meta({ id: "UpdateAsset" });

export const assetVersionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    fileName: z.string(),
    sizeBytes: z.number().int(),
    note: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AssetVersion" });
