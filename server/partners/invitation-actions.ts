"use server";

import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { acceptInvitationSchema } from "@/lib/schemas/partners";
import { checkInput } from "@/lib/zod-errors";
import type { ActionResult } from "@/server/actions/action-client";
import { acceptInvitation } from "./partner-invitations";

/**
 * Accepting an invitation is the one action without a signed-in actor: the unguessable one-time token in
 * the link is the authorization. The client signs in with the new password afterwards.
 */
export async function acceptInvitationAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = checkInput(acceptInvitationSchema, input);
  if (!parsed.success) {
    return { ok: false, error: "Please correct the highlighted fields", fieldErrors: parsed.fieldErrors };
  }
  try {
    const user = await acceptInvitation(await getDb(), parsed.data);
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    console.error("Accepting an invitation failed", error);
    return { ok: false, error: "Something went wrong on our side. Try again." };
  }
}
