import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { settingsTabsFor } from "@/server/authz/settings-access";
import { requirePage } from "@/server/auth/require-page";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePage();
  return (
    <>
      <SettingsTabs tabs={settingsTabsFor(actor)} />
      {children}
    </>
  );
}
