import { notFound, redirect } from "next/navigation";
import { settingsTabsFor } from "@/server/authz/settings-access";
import { requirePage } from "@/server/auth/require-page";

/** /settings opens the first settings page the signed-in role may use. */
export default async function SettingsIndex() {
  const { actor } = await requirePage();
  const [first] = settingsTabsFor(actor);
  if (!first) notFound();
  redirect(first.href);
}
