import { z } from "zod";
import { roles } from "@/lib/roles";

export const createUserSchema = z
  .object({
    email: z.email("Enter a valid email address").trim().toLowerCase(),
    name: z.string().trim().min(1, "Enter the person's name").max(120),
    role: z.enum(roles),
    team: z.string().trim().max(80).optional(),
    partnerOrgId: z.uuid().optional(),
    password: z.string().min(10, "Use at least 10 characters").max(200),
  })
  .refine((v) => v.role !== "partner" || Boolean(v.partnerOrgId), {
    path: ["partnerOrgId"],
    message: "A partner user belongs to a partner organisation",
  })
  .meta({ id: "CreateUser" });

export const updateUserSchema = z.object({
  userId: z.uuid(),
  role: z.enum(roles).optional(),
  active: z.boolean().optional(),
  partnerOrgId: z.uuid().nullable().optional(),
  channelManager: z.boolean().optional(),
});

export const createPartnerOrgSchema = z.object({
  name: z.string().trim().min(1, "Enter the organisation's name").max(120),
  tierId: z.uuid({ message: "Choose a tier" }),
  region: z.string().trim().max(60).optional(),
});
