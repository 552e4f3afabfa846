import { z } from "zod";
import { buyerReactions, loggedUsageKinds, usageKinds } from "@/lib/assets";
import { boundedDate } from "./api-common";

/** A JSON number, never coerced: null, true, [] or "12" are mistakes to report, not amounts to guess. */
const amount = z
  .number({ message: "Enter the amount as a number" })
  .nonnegative("Amount cannot be negative")
  .max(1e12, "Amount is too large");

export const closeDealSchema = z
  .object({
    dealId: z.uuid(),
    outcome: z.enum(["won", "lost"]),
    amount: amount.optional(),
    lossReasonId: z.uuid().optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.outcome === "won" || Boolean(v.lossReasonId), {
    path: ["lossReasonId"],
    message: "Choose why the deal was lost",
  });

export const moveDealStageSchema = z.object({ dealId: z.uuid(), stageId: z.uuid() });

export const logUsageSchema = z
  .object({
    assetId: z.uuid(),
    dealId: z.uuid(),
    stageId: z.uuid().optional(),
    kind: z.enum(loggedUsageKinds).default("sent"),
    reaction: z.enum(buyerReactions).optional(),
    note: z.string().trim().max(2000).default(""),
    idempotencyKey: z.string().min(8).max(200).optional(),
  })
  .meta({ id: "LogUsage" });

export const createDealSchema = z
  .object({
    name: z.string().trim().min(1, "Name the deal").max(200),
    accountName: z.string().trim().min(1, "Enter the account").max(200),
    amount,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code")
      .default("USD"),
    stageId: z.uuid({ message: "Choose a stage" }),
    closeDate: boundedDate().optional(),
  })
  .meta({ id: "CreateDeal" });

const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code");

export const dealStatuses = ["open", "won", "lost"] as const;

export const dealSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    accountName: z.string(),
    amount: z.number().meta({ description: "In major units of the currency, e.g. 1200.50" }),
    currency: z.string(),
    stageId: z.uuid(),
    stageName: z.string(),
    status: z.enum(dealStatuses),
    closeDate: z.iso.date().nullable(),
    closedAt: z.iso.datetime().nullable(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    lossReasonId: z.uuid().nullable(),
    closeNote: z.string().nullable(),
    externalSource: z.string().nullable(),
    externalId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "Deal" });

export const dealListQuerySchema = z.object({
  scope: z.enum(["mine", "all"]).default("all"),
  status: z.enum(dealStatuses).optional(),
  stageId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** One PATCH covers edits, stage moves, closing (won/lost) and reopening (status: open). */
export const updateDealSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    accountName: z.string().trim().min(1).max(200).optional(),
    amount: amount.optional(),
    currency: currencyCode.optional(),
    closeDate: boundedDate().nullable().optional(),
    stageId: z.uuid().optional(),
    status: z.enum(dealStatuses).optional(),
    lossReasonId: z.uuid().optional(),
    closeNote: z.string().trim().max(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" })
  .refine((v) => v.status !== "lost" || Boolean(v.lossReasonId), {
    path: ["lossReasonId"],
    message: "Choose why the deal was lost",
  })
  .meta({ id: "UpdateDeal" });

export const externalDealParams = z.object({
  source: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, "Use a lower-case source name such as salesforce or hubspot"),
  externalId: z.string().min(1).max(100),
});

export const upsertExternalDealSchema = z
  .object({
    name: z.string().trim().min(1, "Name the deal").max(200),
    accountName: z.string().trim().min(1, "Enter the account").max(200),
    amount,
    currency: currencyCode.default("USD"),
    stageId: z.uuid().optional(),
    stageName: z.string().trim().min(1).max(100).optional(),
    status: z.enum(dealStatuses).default("open"),
    closeDate: boundedDate().nullable().optional(),
    ownerEmail: z
      .email()
      .optional()
      .meta({ description: "Baton user who owns the deal; defaults to the caller" }),
    lossReasonId: z.uuid().optional(),
  })
  .refine((v) => v.stageId || v.stageName, { path: ["stageName"], message: "Give stageId or stageName" })
  .meta({ id: "UpsertExternalDeal" });

export const usageSchema = z
  .object({
    id: z.uuid(),
    assetId: z.uuid(),
    assetTitle: z.string(),
    assetVersionId: z.uuid().nullable(),
    dealId: z.uuid(),
    stageId: z.uuid(),
    kind: z.enum(usageKinds),
    reaction: z.enum(buyerReactions).nullable(),
    note: z.string(),
    actorId: z.uuid(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Usage" });

export const createUsageBodySchema = z
  .object({
    assetId: z.uuid(),
    stageId: z.uuid().optional(),
    kind: z.enum(loggedUsageKinds).default("sent"),
    reaction: z.enum(buyerReactions).optional(),
    note: z.string().trim().max(2000).default(""),
  })
  .meta({ id: "CreateUsage" });

export const updateUsageSchema = z
  .object({
    stageId: z.uuid().optional(),
    kind: z.enum(loggedUsageKinds).optional(),
    reaction: z.enum(buyerReactions).nullable().optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" })
  .meta({ id: "UpdateUsage" });

export const importQuerySchema = z.object({
  source: z.enum(["salesforce", "hubspot", "generic"]).optional(),
  mapping: z
    .string()
    .max(4000)
    .optional()
    .meta({ description: 'JSON object: Baton field -> CSV column, e.g. {"externalId":"Opportunity ID"}' }),
  stageRules: z.string().max(20000).optional().meta({
    description:
      'JSON object: CRM stage -> {"stageId": uuid|null, "status": "won"|"lost"|null}; remembered per source',
  }),
});

export const importReportSchema = z
  .object({
    source: z.enum(["salesforce", "hubspot", "generic"]),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
    errorsTruncated: z.boolean(),
  })
  .meta({ id: "ImportReport" });

/** What a finished CRM import answers: the rows it created, updated or left, and the ones it skipped and why. */
export type ImportReport = z.infer<typeof importReportSchema>;
