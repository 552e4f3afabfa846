import "server-only";
import { idParam } from "@/lib/schemas/api-common";
import { createPartnerOrgSchema, partnerOrgSchema, updatePartnerOrgSchema } from "@/lib/schemas/partners";
import {
  createPartnerOrg,
  getPartnerOrgDetails,
  listPartnerOrgDetails,
  updatePartnerOrg,
} from "@/server/partners/partner-orgs";
import { defineRoute } from "../define-route";
import { createRoute, listRoute } from "../route-shapes";

const present = (o: Awaited<ReturnType<typeof getPartnerOrgDetails>>) => ({
  id: o.id,
  name: o.name,
  tierId: o.tierId,
  tierName: o.tierName,
  region: o.region,
  active: o.active,
  members: o.members,
  createdAt: o.createdAt.toISOString(),
});

export const listPartnerOrgsRoute = listRoute({
  path: "/api/v1/partner-orgs",
  summary: "Partner organisations with their tier and region (admins and channel managers)",
  tag: "Administration",
  permission: "partners.manage",
  item: partnerOrgSchema,
  list: async ({ actor, db }) => (await listPartnerOrgDetails(db, actor)).map(present),
});

export const createPartnerOrgRoute = createRoute({
  path: "/api/v1/partner-orgs",
  summary:
    "Create a partner organisation at a tier, optionally limited to a region (admins and channel managers)",
  tag: "Administration",
  permission: "partners.manage",
  body: createPartnerOrgSchema.meta({ id: "CreatePartnerOrg" }),
  response: partnerOrgSchema,
  errors: [409],
  create: createPartnerOrg,
  get: async (db, actor, id) => present(await getPartnerOrgDetails(db, actor, id)),
});

export const updatePartnerOrgRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/partner-orgs/{id}",
  summary:
    "Change a partner organisation's tier, region or active state; deactivating signs its users out (admins and channel managers)",
  tag: "Administration",
  permission: "partners.manage",
  params: idParam,
  body: updatePartnerOrgSchema,
  response: partnerOrgSchema,
  errors: [404],
  handler: async ({ actor, db, params, body }) => present(await updatePartnerOrg(db, actor, params.id, body)),
});
