import { redirect } from "next/navigation";
import { requirePage } from "@/server/auth/require-page";
import { homePathFor } from "@/server/authz/rules";

export default async function HomePage() {
  const { actor } = await requirePage();
  redirect(homePathFor(actor));
}
