import "server-only";
import type { Database } from "@/db/client";
import type { Actor } from "@/server/authz/actor";
import { listTiers } from "./partner-tiers";
import { listPartnerOrgDetails } from "./partner-orgs";

/** The tiers and active orgs a marketer picks from when sharing assets with partners. */
export async function listPartnerOptions(db: Database, actor: Actor) {
  const [tiers, orgs] = await Promise.all([listTiers(db, actor), listPartnerOrgDetails(db, actor)]);
  return {
    tiers: tiers.map((t) => ({ id: t.id, name: t.name })),
    orgs: orgs.filter((o) => o.active).map((o) => ({ id: o.id, name: o.name, tierName: o.tierName })),
  };
}
