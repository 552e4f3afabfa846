import { z } from "zod";
import { boundedDate } from "./api-common";
import { assetTypes } from "@/lib/assets";

const optionalId = z.uuid().optional();

/** Filters every analytics view accepts (dashboard search params and the API query alike). */
export const analyticsFiltersSchema = z.object({
  from: boundedDate().optional().describe("First day of the period (deals closed, usages logged), UTC"),
  to: boundedDate().optional().describe("Last day of the period, inclusive"),
  stageId: optionalId.describe("Only usages logged at this buying stage"),
  type: z.enum(assetTypes).optional(),
  productId: optionalId.describe("Deals tagged with this product"),
  industryId: optionalId.describe("Deals tagged with this industry"),
  team: z.string().trim().min(1).max(100).optional().describe("Deals owned by someone in this team"),
  repId: optionalId.describe("Deals owned by this person"),
  partnerOrgId: optionalId.describe("Deals registered by this partner organisation"),
  partnerTierId: optionalId.describe("Deals registered by partners of this tier"),
});
export type AnalyticsFilters = z.infer<typeof analyticsFiltersSchema>;

export const assetSorts = ["lift", "win_rate", "usages", "revenue", "deals", "title"] as const;
export type AssetSort = (typeof assetSorts)[number];

export const assetAnalyticsQuerySchema = analyticsFiltersSchema.extend({
  sort: z.enum(assetSorts).default("lift"),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const interval = z.object({ low: z.number(), high: z.number() }).nullable();
const winRate = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  closed: z.number().int(),
  rate: z.number().nullable(),
  interval,
});

export const assetAnalyticsSchema = z
  .object({
    assetId: z.uuid(),
    title: z.string(),
    type: z.enum(assetTypes),
    views: z.number().int(),
    downloads: z.number().int(),
    usages: z.number().int(),
    deals: z
      .number()
      .int()
      .describe("Distinct deals whose latest use of the asset (at the stage, if filtered) is in the period"),
    reps: z
      .number()
      .int()
      .describe("Distinct deal owners whose latest use of the asset across their deals is in the period"),
    lastUsedAt: z.string().nullable(),
    helped: z.number().int().describe("Reps who rated it helped (rated in the period)"),
    notHelped: z.number().int().describe("Reps who rated it didn't help (rated in the period)"),
    openQuestions: z.number().int().describe("Questions on the asset still waiting for an answer"),
    used: winRate.describe("Closed deals that used the asset"),
    baseline: winRate.describe("Comparable closed deals that did not use it"),
    lift: z
      .number()
      .nullable()
      .describe("Used minus baseline win rate (0.1 = 10 points); null: too few deals"),
    verdict: z.enum(["too_few", "higher", "lower", "unclear"]),
    influencedRevenue: z.number().describe("Sum of won used deals' amounts (major units)"),
  })
  .meta({ id: "AssetAnalytics" });
export type AssetAnalytics = z.infer<typeof assetAnalyticsSchema>;

export const buyerEngagementSchema = z
  .object({
    rooms: z.number().int().describe("Buyer rooms the asset was shared in during the period"),
    openedRooms: z
      .number()
      .int()
      .describe("Of those, rooms where a counted buyer (not a bot or link scanner) read or downloaded it"),
    openedShare: z.number().nullable().describe("openedRooms / rooms; null when it was shared in no room"),
    medianReadMs: z
      .number()
      .nullable()
      .describe("Median reading time per room (its buyers together), over rooms with reading time"),
    downloads: z.number().int().describe("Downloads by counted buyers in those rooms"),
    pageCount: z
      .number()
      .int()
      .nullable()
      .describe("Pages of the current file; null unless it is a document of more than one page"),
    dropOff: z
      .array(
        z.object({
          page: z.number().int(),
          reached: z.number().int().describe("Opened rooms whose buyers got to this page or further"),
          reachedShare: z.number().nullable(),
          stopped: z.number().int().describe("Opened rooms whose buyers got no further than this page"),
        }),
      )
      .describe("Page by page, for documents of more than one page; empty otherwise"),
    outcome: z.object({
      engaged: winRate.describe("Closed deals where a buyer opened the asset in a room"),
      notOpened: winRate.describe("Closed deals where it was shared in a room but no buyer opened it"),
      lift: z
        .number()
        .nullable()
        .describe("Engaged minus not-opened win rate; null: fewer than 10 closed deals on either side"),
      verdict: z.enum(["too_few", "higher", "lower", "unclear"]),
    }),
  })
  .meta({ id: "BuyerEngagement" });
export type BuyerEngagement = z.infer<typeof buyerEngagementSchema>;

export const assetAnalyticsDetailSchema = z
  .object({
    overall: assetAnalyticsSchema,
    buyerEngagement: buyerEngagementSchema,
    byStage: z.array(
      z.object({
        stageId: z.uuid(),
        used: winRate,
        baseline: winRate,
        lift: z.number().nullable(),
        verdict: z.enum(["too_few", "higher", "lower", "unclear"]),
        influencedRevenue: z.number(),
      }),
    ),
  })
  .meta({ id: "AssetAnalyticsDetail" });
