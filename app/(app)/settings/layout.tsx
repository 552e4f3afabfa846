import type { ReactNode } from "react";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { settingsTabsFor } from "@/server/authz/settings-access";
import { requirePageActor } from "@/server/auth/session";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <>
      <SettingsTabs tabs={settingsTabsFor(actor.role)} />
      {children}
    </>
  );
}
