import { z } from "zod";
import { buyerReactions, usageKinds } from "@/lib/assets";

export const closeDealSchema = z
  .object({
    dealId: z.uuid(),
    outcome: z.enum(["won", "lost"]),
    amount: z.coerce.number().nonnegative("Amount cannot be negative").max(1e12).optional(),
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
    kind: z.enum(usageKinds).default("sent"),
    reaction: z.enum(buyerReactions).optional(),
    note: z.string().trim().max(2000).default(""),
    idempotencyKey: z.string().min(8).max(200).optional(),
  })
  .meta({ id: "LogUsage" });

export const createDealSchema = z
  .object({
    name: z.string().trim().min(1, "Name the deal").max(200),
    accountName: z.string().trim().min(1, "Enter the account").max(200),
    amount: z.coerce.number().nonnegative("Amount cannot be negative").max(1e12),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code")
      .default("USD"),
    stageId: z.uuid({ message: "Choose a stage" }),
    closeDate: z.iso.date().optional(),
  })
  .meta({ id: "CreateDeal" });
