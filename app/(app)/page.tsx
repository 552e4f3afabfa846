import { redirect } from "next/navigation";
import { requirePageActor } from "@/server/auth/session";

export default async function HomePage() {
  const actor = await requirePageActor();
  redirect(actor.role === "rep" ? "/deals" : "/library");
}
