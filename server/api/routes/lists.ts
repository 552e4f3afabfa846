import "server-only";
import { z } from "zod";
import { taxonomyKinds } from "@/lib/taxonomy";
import { lossReasonsOf } from "@/server/deals/deal-queries";
import { listTermOptions } from "@/server/taxonomy/taxonomy-queries";
import { listTiers } from "@/server/partners/partner-tiers";
import { defineRoute } from "../define-route";

/** The workspace's own lists that write requests refer to by id, so an API client can fill them in. */

export const listLossReasonsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/loss-reasons",
  summary: "Why deals are lost, in the workspace's order: lossReasonId when closing a deal as lost",
  tag: "Workspace",
  permission: "deals.read",
  response: z.object({
    data: z.array(z.object({ id: z.uuid(), name: z.string() }).meta({ id: "LossReason" })),
  }),
  handler: async ({ actor, db }) => ({ data: await lossReasonsOf(db, actor.workspaceId) }),
});

export const listTermsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/terms",
  summary:
    "The workspace's tags (products, industries, personas, regions, competitors): termIds of an asset, industryId and competitorId of a request",
  tag: "Workspace",
  permission: "assets.read",
  query: z.object({ kind: z.enum(taxonomyKinds).optional().meta({ description: "Only tags of this kind" }) }),
  response: z.object({
    data: z.array(
      z.object({ id: z.uuid(), kind: z.enum(taxonomyKinds), name: z.string() }).meta({ id: "Term" }),
    ),
  }),
  handler: async ({ actor, db, query }) => ({
    data: (await listTermOptions(db, actor.workspaceId)).filter((t) => !query.kind || t.kind === query.kind),
  }),
});

export const listPartnerTiersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/partner-tiers",
  summary:
    "Partner tiers, lowest first: tierId of a partner organisation, minPartnerTierId of an asset's visibility",
  tag: "Partners",
  permission: "assets.write",
  response: z.object({
    data: z.array(
      z.object({ id: z.uuid(), name: z.string(), rank: z.number().int() }).meta({ id: "PartnerTier" }),
    ),
  }),
  handler: async ({ actor, db }) => ({ data: await listTiers(db, actor) }),
});
