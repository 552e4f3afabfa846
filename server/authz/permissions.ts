import type { Role } from "@/lib/roles";

/** The role -> permission table. Every entry point names the permission it needs; nothing else decides. */
const table = {
  "assets.read": ["admin", "marketer", "rep", "partner"],
  "assets.write": ["admin", "marketer"],
  "assets.publish": ["admin", "marketer"],
  "deals.read": ["admin", "marketer", "rep", "partner"],
  "deals.write": ["admin", "rep", "partner"],
  "usage.write": ["admin", "rep", "partner"],
  "analytics.read": ["admin", "marketer"],
  "users.manage": ["admin"],
  "partners.manage": ["admin"],
  "taxonomy.manage": ["admin", "marketer"],
  "tokens.manage": ["admin", "marketer", "rep"],
  "settings.manage": ["admin"],
  "requests.create": ["admin", "marketer", "rep", "partner"],
  "requests.triage": ["admin", "marketer"],
  "announcements.publish": ["admin", "marketer"],
  "notifications.manage": ["admin", "marketer", "rep", "partner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof table;

export function can(role: Role, permission: Permission): boolean {
  return (table[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(table) as Permission[]).filter((p) => can(role, p));
}
