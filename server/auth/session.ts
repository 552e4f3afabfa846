import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { loadActor, type Actor } from "@/server/authz/actor";
import { authOptions } from "./auth-options";

/** The signed-in actor for this request (cached per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid) return null;
  return loadActor(await getDb(), session.uid, session.sv ?? 0);
});
