import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { actorCan, type Permission } from "@/server/authz/permissions";
import { getActor } from "./session";

/**
 * The one door for pages and layouts, as defineRoute is for the API and authorizedAction for server actions:
 * a signed-out visitor is sent to sign in, a role without the permission gets the 403 page, and the page
 * receives the actor and the database handle to pass on to its domain's queries.
 */
export async function requirePage(permission?: Permission): Promise<{ actor: Actor; db: Database }> {
  const actor = await getActor();
  if (!actor) redirect("/signin");
  if (permission && !actorCan(actor, permission)) forbidden();
  return { actor, db: await getDb() };
}

/** For the pages anyone may open without signing in (an invitation link): the database handle only. */
export async function openPage(): Promise<{ db: Database }> {
  return { db: await getDb() };
}

/** A route's id segment: anything but a uuid renders the 404 page. */
export function uuidOrNotFound(raw: string): string {
  const id = z.uuid().safeParse(raw);
  if (!id.success) notFound();
  return id.data;
}

/** What the actor may not see renders the 404 page, never a hint that it exists. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
