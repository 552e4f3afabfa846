"use server";

import { headers } from "next/headers";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { requestPasswordResetSchema, resetPasswordSchema } from "@/lib/schemas/password";
import { checkInput } from "@/lib/zod-errors";
import type { ActionResult } from "@/server/actions/action-client";
import { clientAddress } from "./client-address";
import { requestPasswordReset, resetPassword } from "./password-reset";

/**
 * The two password-reset actions have no signed-in actor: asking for a link needs only an email (and
 * answers the same whichever it is), and setting the password is authorized by the one-time token.
 */
async function publicAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = checkInput(schema, input);
  if (!parsed.success) {
    return { ok: false, error: "Please correct the highlighted fields", fieldErrors: parsed.fieldErrors };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
    console.error("A password reset action failed", error);
    return { ok: false, error: "Something went wrong on our side. Try again." };
  }
}

export async function requestPasswordResetAction(input: unknown): Promise<ActionResult<null>> {
  return publicAction(requestPasswordResetSchema, input, async ({ email }) => {
    await requestPasswordReset(await getDb(), { email, ip: clientAddress(await headers()) });
    return null;
  });
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return publicAction(resetPasswordSchema, input, async (data) => resetPassword(await getDb(), data));
}
