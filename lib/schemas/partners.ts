import { z } from "zod";
import { newPasswordSchema } from "./password";

export const createPartnerOrgSchema = z.object({
  name: z.string().trim().min(1, "Enter the organisation's name").max(120),
  tierId: z.uuid({ message: "Choose a tier" }),
  region: z.string().trim().max(60).optional(),
});

export const updatePartnerOrgSchema = z
  .object({
    tierId: z.uuid({ message: "Choose a tier" }).optional(),
    region: z.string().trim().max(60).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one field to change" })
  .meta({ id: "UpdatePartnerOrg" });

export const partnerOrgSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    tierId: z.uuid(),
    tierName: z.string(),
    region: z.string().nullable(),
    active: z.boolean(),
    members: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "PartnerOrg" });

export const invitePartnerUserSchema = z.object({
  partnerOrgId: z.uuid(),
  email: z.email("Enter a valid email address").trim().toLowerCase(),
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(100),
  name: z.string().trim().min(1, "Enter your name").max(120),
  password: newPasswordSchema,
});
