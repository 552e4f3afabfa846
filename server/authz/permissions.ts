import type { Role } from "@/lib/roles";

/** The role -> permission table. Every entry point names the permission it needs; nothing else decides. */
const table = {
  "assets.read": ["admin", "marketer", "rep", "partner"],
  "assets.write": ["admin", "marketer"],
  "assets.publish": ["admin", "marketer"],
  "deals.read": ["admin", "marketer", "rep", "partner"],
  "deals.write": ["admin", "rep", "partner"],
  "usage.write": ["admin", "rep", "partner"],
  // Buyer rooms: reps and partners share their own deals; marketers read who opened what.
  "rooms.read": ["admin", "marketer", "rep", "partner"],
  "rooms.share": ["admin", "rep", "partner"],
  "feedback.rate": ["admin", "rep", "partner"],
  "feedback.comment": ["admin", "marketer", "rep", "partner"],
  "feedback.manage": ["admin", "marketer"],
  "plays.read": ["admin", "marketer", "rep"],
  "plays.write": ["admin", "marketer"],
  "plays.run": ["admin", "rep"],
  "analytics.read": ["admin", "marketer"],
  // Reps see which assets did well at a stage (no deal lists, only assets they may open).
  "analytics.stage_insights": ["admin", "marketer", "rep"],
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

/**
 * The one answer to "may this actor do that": its role's permissions, plus partner management for a
 * marketer an admin flagged as channel manager (a per-person duty, not every marketer's).
 */
export function actorCan(actor: { role: Role; channelManager: boolean }, permission: Permission): boolean {
  if ((table[permission] as readonly Role[]).includes(actor.role)) return true;
  return permission === "partners.manage" && actor.role === "marketer" && actor.channelManager;
}

export function permissionsOf(actor: { role: Role; channelManager: boolean }): Permission[] {
  return (Object.keys(table) as Permission[]).filter((p) => actorCan(actor, p));
}
