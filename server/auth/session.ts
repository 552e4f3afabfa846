import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { loadActor, type Actor } from "@/server/authz/actor";
import { actorCan, type Permission } from "@/server/authz/permissions";
import { authOptions } from "./auth-options";

/** The signed-in actor for this request (cached per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  return loadActor(await getDb(), session.uid, session.sv ?? 0);
});

/** For pages: sends signed-out visitors to sign in, and answers 403 when the role lacks the permission. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  if (permission && !actorCan(actor, permission)) forbidden();
  return actor;
}
