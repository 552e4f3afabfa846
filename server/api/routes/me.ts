import "server-only";
import { z } from "zod";
import { meSchema, stageSchema } from "@/lib/schemas/me";
import { permissionsOf } from "@/server/authz/permissions";
import { listStages } from "@/server/workspaces/stage-queries";
import { defineRoute } from "../define-route";

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

export const getStages = defineRoute({
  method: "GET",
  path: "/api/v1/stages",
  summary: "The workspace's buying stages, in order",
  tag: "Workspace",
  response: z.object({ data: z.array(stageSchema) }),
  handler: async ({ actor, db }) => ({ data: await listStages(db, actor.workspaceId) }),
});
