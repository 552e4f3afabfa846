import { redirect } from "next/navigation";
import { requirePage } from "@/server/auth/require-page";

export default async function HomePage() {
  const { actor } = await requirePage();
  redirect(actor.role === "rep" ? "/deals" : "/library");
}
