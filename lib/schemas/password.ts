import { z } from "zod";

/** The one rule for a password a person chooses: new users, accepted invitations and password resets. */
export const newPasswordSchema = z.string().min(10, "Use at least 10 characters").max(200);

export const requestPasswordResetSchema = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase(),
});

export const resetPasswordSchema = z.object({
  token: z.string().min(20).max(100),
  password: newPasswordSchema,
});
