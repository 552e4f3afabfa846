import "server-only";
import { idParam } from "@/lib/schemas/api-common";
import { createUsageBodySchema, updateUsageSchema, usageSchema } from "@/lib/schemas/deals";
import { logUsage } from "@/server/usage/log-usage";
import { deleteUsage, getUsageDto, listDealUsages, updateUsage } from "@/server/usage/usage-services";
import { defineRoute } from "../define-route";
import { deleteByIdRoute, listRoute, updateByIdRoute } from "../route-shapes";

export const listDealUsagesRoute = listRoute({
  path: "/api/v1/deals/{id}/usages",
  summary: "Assets used in a deal, newest first",
  tag: "Usage",
  permission: "deals.read",
  params: idParam,
  errors: [404],
  item: usageSchema,
  list: ({ actor, db, params }) => listDealUsages(db, actor, params.id),
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

export const updateUsageRoute = updateByIdRoute({
  path: "/api/v1/usages/{id}",
  summary: "Correct a usage you logged",
  tag: "Usage",
  permission: "usage.write",
  body: updateUsageSchema,
  response: usageSchema,
  errors: [404],
  update: updateUsage,
  get: getUsageDto,
});

export const deleteUsageRoute = deleteByIdRoute({
  path: "/api/v1/usages/{id}",
  summary: "Remove a usage you logged",
  tag: "Usage",
  permission: "usage.write",
  remove: deleteUsage,
});
