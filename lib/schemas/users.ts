import { z } from "zod";
import { roles } from "@/lib/roles";
import { newPasswordSchema } from "./password";

export const createUserSchema = z
  .object({
    email: z.email("Enter a valid email address").trim().toLowerCase(),
    name: z.string().trim().min(1, "Enter the person's name").max(120),
    role: z.enum(roles),
    team: z.string().trim().max(80).optional(),
    partnerOrgId: z.uuid().optional(),
    password: newPasswordSchema,
  })
  .refine((v) => v.role !== "partner" || Boolean(v.partnerOrgId), {
    path: ["partnerOrgId"],
    message: "A partner user belongs to a partner organisation",
  })
  .meta({ id: "CreateUser" });

export const userChangesSchema = z
  .object({
    role: z.enum(roles).optional(),
    active: z.boolean().optional(),
    partnerOrgId: z.uuid().nullable().optional(),
    channelManager: z
      .boolean()
      .optional()
      .meta({ description: "Marketers only: may manage partner organisations and invitations" }),
  })
  .meta({ id: "UpdateUser" });

export const updateUserSchema = userChangesSchema.extend({ userId: z.uuid() });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    team: z.string().nullable(),
    active: z.boolean(),
    channelManager: z.boolean(),
    partnerOrgId: z.uuid().nullable(),
    lastSignInAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "User" });
