import "server-only";
import type { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { checkInput } from "@/lib/zod-errors";
import type { Actor } from "@/server/authz/actor";
import { actorCan, type Permission } from "@/server/authz/permissions";
import { getActor } from "@/server/auth/session";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/**
 * The one way to write a server action. Every action is a public HTTP endpoint, so each call reads the actor
 * from the session, checks the permission, validates the input with zod and only then runs the service.
 */
export function authorizedAction<S extends z.ZodType, T>(
  permission: Permission | null,
  schema: S,
  run: (ctx: { actor: Actor; db: Database; input: z.infer<S> }) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
      if (permission && !actorCan(actor, permission))
        throw new AppError("forbidden", "Your role does not allow this");
      const parsed = checkInput(schema, input);
      if (!parsed.success) {
        return { ok: false, error: "Please correct the highlighted fields", fieldErrors: parsed.fieldErrors };
      }
      return { ok: true, data: await run({ actor, db: await getDb(), input: parsed.data }) };
    } catch (error) {
      if (error instanceof AppError)
        return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error("Unhandled server action error", error);
      return { ok: false, error: "Something went wrong on our side. Try again." };
    }
  };
}
