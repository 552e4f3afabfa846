import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import { createUsageBodySchema, updateUsageSchema, usageSchema } from "@/lib/schemas/deals";
import { logUsage } from "@/server/usage/log-usage";
import { deleteUsage, getUsageDto, listDealUsages, updateUsage } from "@/server/usage/usage-services";
import { defineRoute } from "../define-route";

export const listDealUsagesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/deals/{id}/usages",
  summary: "Assets used in a deal, newest first",
  tag: "Usage",
  permission: "deals.read",
  params: idParam,
  response: z.object({ data: z.array(usageSchema) }),
  errors: [404],
  handler: async ({ actor, db, params }) => ({ data: await listDealUsages(db, actor, params.id) }),
});

export const createDealUsageRoute = defineRoute({
  method: "POST",
  path: "/api/v1/deals/{id}/usages",
  summary: "Record that an asset was used in this deal (at its current stage unless stageId is given)",
  tag: "Usage",
  permission: "usage.write",
  params: idParam,
  body: createUsageBodySchema,
  response: usageSchema,
  successStatus: 201,
  errors: [404],
  handler: async ({ actor, db, params, body, request }) => {
    const key = request.headers.get("idempotency-key") ?? undefined;
    const { usage } = await logUsage(db, actor, { ...body, dealId: params.id, idempotencyKey: key });
    return getUsageDto(db, actor, usage.id);
  },
});

export const updateUsageRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/usages/{id}",
  summary: "Correct a usage you logged",
  tag: "Usage",
  permission: "usage.write",
  params: idParam,
  body: updateUsageSchema,
  response: usageSchema,
  errors: [404],
  handler: async ({ actor, db, params, body }) => {
    await updateUsage(db, actor, params.id, body);
    return getUsageDto(db, actor, params.id);
  },
});

export const deleteUsageRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/usages/{id}",
  summary: "Remove a usage you logged",
  tag: "Usage",
  permission: "usage.write",
  params: idParam,
  response: z.undefined(),
  successStatus: 204,
  errors: [404],
  handler: async ({ actor, db, params }) => {
    await deleteUsage(db, actor, params.id);
    return undefined;
  },
});
