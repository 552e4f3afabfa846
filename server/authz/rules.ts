import type { Role } from "@/lib/roles";

/**
 * The named rules that decide, beside the permission table, what an actor sees or may do with one object.
 * Code elsewhere asks these instead of comparing roles itself, so each rule is written once.
 */
type Who = { role: Role };

/** Internal people see who owns things, review states and the internal filters; partners do not. */
export function seesInternalDetails(actor: Who): boolean {
  return actor.role !== "partner";
}

/** Admins act on everyone's deals, usage and content; everyone else on their own. */
export function actsForEveryone(actor: Who): boolean {
  return actor.role === "admin";
}

/** The partner organisation a record the actor creates belongs to: theirs for a partner, none otherwise. */
export function partnerOrgIdFor(actor: Who & { partnerOrgId: string | null }): string | null {
  return actor.role === "partner" ? actor.partnerOrgId : null;
}

/** Who may change or remove a logged usage: the person who logged it, or an admin. */
export function canEditUsage(actor: Who & { userId: string }, usage: { actorId: string }): boolean {
  return usage.actorId === actor.userId || actsForEveryone(actor);
}

/** Reps and partners may download an asset's file only when its owner allowed it; marketing always may. */
export function mayDownloadFile(actor: Who, asset: { allowDownload: boolean }): boolean {
  return asset.allowDownload || (actor.role !== "rep" && actor.role !== "partner");
}

/** A partner's copy of a PDF is stamped with their organisation, email and the date. */
export function watermarksDownloads(actor: Who): boolean {
  return actor.role === "partner";
}

/**
 * An internal user's deals are personal (the mine and team scopes, the deals they log usage on); a partner's
 * belong to the whole organisation.
 */
export function dealsArePersonal(actor: Who): boolean {
  return actor.role !== "partner";
}

/** Where signing in lands: a rep's day starts at their deals, everyone else's at the library. */
export function homePathFor(actor: Who): string {
  return actor.role === "rep" ? "/deals" : "/library";
}
