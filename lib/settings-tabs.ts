/** The settings pages and the permission each needs (checked with `can`; the pages check it again). */
export const settingsTabs = [
  { href: "/settings/notifications", label: "Notifications", permission: "notifications.manage" },
  { href: "/settings/tokens", label: "API tokens", permission: "tokens.manage" },
  { href: "/settings/taxonomy", label: "Taxonomy", permission: "taxonomy.manage" },
  { href: "/settings/workspace", label: "Workspace", permission: "settings.manage" },
  { href: "/settings/outbox", label: "Outgoing mail", permission: "settings.manage" },
] as const;
