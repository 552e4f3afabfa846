import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import {
  createDealSchema,
  dealListQuerySchema,
  dealSchema,
  externalDealParams,
  updateDealSchema,
  upsertExternalDealSchema,
} from "@/lib/schemas/deals";
import { createDeal } from "@/server/deals/create-deal";
import { getDealDto, listDealsPage } from "@/server/deals/deal-dto";
import { updateDeal } from "@/server/deals/deal-services";
import { exportDealsCsv } from "@/server/deals/export-deals-csv";
import { upsertExternalDeal } from "@/server/deals/upsert-external-deal";
import { defineRoute } from "../define-route";
import { createRoute, updateByIdRoute } from "../route-shapes";

export const listDealsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/deals",
  summary: "Deals you may see, most recently changed first (cursor pagination)",
  tag: "Deals",
  permission: "deals.read",
  query: dealListQuerySchema,
  response: z.object({ data: z.array(dealSchema), nextCursor: z.string().nullable() }),
  handler: ({ actor, db, query }) => listDealsPage(db, actor, query),
});

export const exportDealsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/deals/export.csv",
  summary:
    "Every deal you may see, under the list's filters, as CSV (cells a spreadsheet would read as a formula start with ')",
  tag: "Deals",
  permission: "deals.read",
  query: dealListQuerySchema.omit({ limit: true, cursor: true }),
  response: z.unknown(),
  produces: "text/csv",
  handler: async ({ actor, db, query }) =>
    new Response(await exportDealsCsv(db, actor, query), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="deals.csv"',
        "Cache-Control": "no-store",
      },
    }),
});

export const createDealRoute = createRoute({
  path: "/api/v1/deals",
  summary: "Create a deal owned by you",
  tag: "Deals",
  permission: "deals.write",
  body: createDealSchema,
  response: dealSchema,
  create: createDeal,
  get: getDealDto,
});

export const getDealRoute = defineRoute({
  method: "GET",
  path: "/api/v1/deals/{id}",
  summary: "One deal you may see",
  tag: "Deals",
  permission: "deals.read",
  params: idParam,
  response: dealSchema,
  errors: [404],
  handler: ({ actor, db, params }) => getDealDto(db, actor, params.id),
});

export const updateDealRoute = updateByIdRoute({
  path: "/api/v1/deals/{id}",
  summary: "Edit a deal, move its stage, close it as won or lost, or reopen it (status: open)",
  tag: "Deals",
  permission: "deals.write",
  body: updateDealSchema,
  response: dealSchema,
  errors: [404, 409],
  update: updateDeal,
  get: getDealDto,
});

export const upsertExternalDealRoute = defineRoute({
  method: "PUT",
  path: "/api/v1/deals/external/{source}/{externalId}",
  summary: "Create or update the deal a CRM knows by this id (idempotent)",
  tag: "Deals",
  permission: "deals.write",
  params: externalDealParams,
  body: upsertExternalDealSchema,
  response: dealSchema.extend({ created: z.boolean(), changed: z.boolean() }),
  errors: [404],
  handler: async ({ actor, db, params, body }) => {
    const result = await upsertExternalDeal(db, actor, params.source, params.externalId, body);
    return {
      ...(await getDealDto(db, actor, result.deal.id)),
      created: result.created,
      changed: result.changed,
    };
  },
});
