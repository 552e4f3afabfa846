import "server-only";
import type { Role } from "@/lib/roles";
import { settingsTabs } from "@/lib/settings-tabs";
import { can } from "./permissions";

/** The settings pages a role may open, in order. */
export function settingsTabsFor(role: Role) {
  return settingsTabs.filter((t) => can(role, t.permission)).map(({ href, label }) => ({ href, label }));
}
