import "server-only";
import { meSchema, stageSchema } from "@/lib/schemas/me";
import { permissionsOf } from "@/server/authz/permissions";
import { listStages } from "@/server/workspaces/stage-queries";
import { defineRoute } from "../define-route";
import { listRoute } from "../route-shapes";

export const getMe = defineRoute({
  method: "GET",
  path: "/api/v1/me",
  summary: "The signed-in user or the token's user",
  tag: "Account",
  response: meSchema,
  handler: async ({ actor }) => ({
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    workspaceId: actor.workspaceId,
    partnerOrg:
      actor.partnerOrgId && actor.partnerOrgName
        ? { id: actor.partnerOrgId, name: actor.partnerOrgName }
        : null,
    permissions: permissionsOf(actor),
  }),
});

export const getStages = listRoute({
  path: "/api/v1/stages",
  summary: "The workspace's buying stages, in order",
  tag: "Workspace",
  item: stageSchema,
  list: ({ actor, db }) => listStages(db, actor.workspaceId),
});
