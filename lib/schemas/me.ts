import { z } from "zod";
import { roles } from "@/lib/roles";

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    workspaceId: z.uuid(),
    partnerOrg: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    permissions: z.array(z.string()),
  })
  .meta({ id: "Me" });

export const stageSchema = z
  .object({ id: z.uuid(), name: z.string(), description: z.string(), position: z.number().int() })
  .meta({ id: "BuyingStage" });

export const tokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The first characters of the token, to recognise it" }),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiToken" });

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name").max(100, "Keep the name under 100 characters"),
  })
  .meta({ id: "CreateApiToken" });

export const createdTokenSchema = tokenSchema
  .extend({ secret: z.string().meta({ description: "Shown once; store it now" }) })
  .meta({ id: "CreatedApiToken" });
