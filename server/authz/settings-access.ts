import "server-only";
import type { Role } from "@/lib/roles";
import { settingsTabs } from "@/lib/settings-tabs";
import { actorCan } from "./permissions";

/** The settings pages an actor may open, in order. */
export function settingsTabsFor(actor: { role: Role; channelManager: boolean }) {
  return settingsTabs
    .filter((t) => actorCan(actor, t.permission))
    .map(({ href, label }) => ({ href, label }));
}
