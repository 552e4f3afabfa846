import { z } from "zod";
import { requestStatuses, requestUrgencies } from "@/lib/requests";

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional());

export const createRequestSchema = z
  .object({
    title: z.string().trim().min(3, "Say in a few words what you need").max(200),
    details: z.string().trim().max(4000).default(""),
    stageId: optionalId,
    industryId: optionalId,
    competitorId: optionalId,
    dealId: optionalId,
    urgency: z.enum(requestUrgencies).default("normal"),
    searchQuery: z.string().trim().max(200).optional(),
  })
  .meta({ id: "CreateContentRequest" });

/** A triage step: a status move (with what it needs), or folding this request into another. */
export const updateRequestSchema = z
  .object({
    status: z.enum(requestStatuses).exclude(["merged"]).optional(),
    declineReason: z.string().trim().max(1000).optional(),
    deliveredAssetId: z.uuid().optional(),
    mergeIntoId: z.uuid().optional(),
  })
  .refine((v) => (v.status === undefined) !== (v.mergeIntoId === undefined), {
    message: "Give either a status or mergeIntoId",
    path: ["status"],
  })
  .meta({ id: "UpdateContentRequest" });

export const requestSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    details: z.string(),
    status: z.enum(requestStatuses),
    urgency: z.enum(requestUrgencies),
    stage: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    industry: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    competitor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    deal: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    searchQuery: z.string().nullable(),
    requester: z.object({ id: z.uuid(), name: z.string(), partnerOrg: z.string().nullable() }),
    votes: z.number().int().meta({ description: "People who want this, the requester included" }),
    votedByMe: z.boolean(),
    declineReason: z.string().nullable(),
    deliveredAsset: z
      .object({ id: z.uuid(), title: z.string() })
      .nullable()
      .meta({ description: "Null until delivered, or when the asset is not visible to you" }),
    mergedIntoId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "ContentRequest" });

export type RequestDto = z.infer<typeof requestSchema>;

export const requestListQuerySchema = z.object({
  status: z.enum(requestStatuses).optional(),
  mine: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "Only requests you raised or voted for" }),
});
