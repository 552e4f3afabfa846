import "server-only";
import { z } from "zod";
import { idParam } from "@/lib/schemas/api-common";
import {
  createRequestSchema,
  requestListQuerySchema,
  requestSchema,
  updateRequestSchema,
} from "@/lib/schemas/requests";
import { createRequest } from "@/server/requests/create-request";
import { getRequestOrThrow, listRequests } from "@/server/requests/request-queries";
import { updateRequest, voteForRequest } from "@/server/requests/triage-request";
import { defineRoute } from "../define-route";
import { createRoute, listRoute, updateByIdRoute } from "../route-shapes";

export const listRequestsRoute = listRoute({
  path: "/api/v1/requests",
  summary: "Field content requests you may see (partners: their organisation's), most wanted first",
  tag: "Requests",
  permission: "requests.create",
  query: requestListQuerySchema,
  item: requestSchema,
  list: ({ actor, db, query }) => listRequests(db, actor, query),
});

export const createRequestRoute = createRoute({
  path: "/api/v1/requests",
  summary: "Ask marketing for content (your own vote is counted)",
  tag: "Requests",
  permission: "requests.create",
  body: createRequestSchema,
  response: requestSchema,
  create: createRequest,
  get: getRequestOrThrow,
});

export const updateRequestRoute = updateByIdRoute({
  path: "/api/v1/requests/{id}",
  summary:
    "Triage a request: move it (new → accepted → in_progress → delivered with deliveredAssetId, or declined with declineReason) or merge it into another with mergeIntoId",
  tag: "Requests",
  permission: "requests.triage",
  body: updateRequestSchema,
  response: requestSchema,
  errors: [404, 409],
  update: updateRequest,
  get: getRequestOrThrow,
});

export const voteRequestRoute = defineRoute({
  method: "POST",
  path: "/api/v1/requests/{id}/votes",
  summary: "“Me too”: add your vote to an open request (voting twice counts once)",
  tag: "Requests",
  permission: "requests.create",
  params: idParam,
  response: z.object({ votes: z.number().int(), voted: z.boolean() }),
  errors: [404],
  handler: async ({ actor, db, params }) => voteForRequest(db, actor, params.id),
});
