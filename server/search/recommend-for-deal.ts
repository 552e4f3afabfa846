import "server-only";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assetStages, assets, deals } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility, dealVisibility } from "@/server/authz/visibility";
import { assetStatsSubquery, effectivenessOf, liftOf, usageOf } from "./asset-stats";
import { pageColumns, toSearchItems, type SearchItem } from "./search-items";

export type Recommendation = SearchItem & {
  /** How many of the deal's industry, product and competitor tags the asset shares. */
  matchCount: number;
  /**
   * The asset's analytics lift over the dashboard's default period (used minus baseline win rate, as in
   * metrics.ts); null when there are too few closed deals to tell.
   */
  lift: number | null;
};

/**
 * "For this stage": published assets the actor may see that are tagged with the deal's current stage,
 * ranked by how many of the deal's industry / product / competitor tags they share, then by their analytics
 * lift (assets with too few deals to tell after every asset with a lift), then by usage in the period.
 * A deal the actor may not see is a 404.
 */
export async function recommendForDeal(
  db: Database,
  actor: Actor,
  dealId: string,
  limit = 6,
): Promise<Recommendation[]> {
  const [deal] = await db
    .select({ id: deals.id, stageId: deals.stageId })
    .from(deals)
    .where(and(eq(deals.id, dealId), dealVisibility(actor)))
    .limit(1);
  if (!deal) throw notFound("Deal not found");

  const stats = assetStatsSubquery(db, actor.workspaceId);
  const matchCount = sql<number>`(select count(*) from asset_terms l
    join deal_terms dt on dt.term_id = l.term_id and dt.deal_id = ${deal.id}
    join taxonomy_terms t on t.id = l.term_id and t.kind in ('industry', 'product', 'competitor')
    where l.asset_id = ${assets.id})::int`;
  const effectiveness = effectivenessOf(stats);
  const usage = usageOf(stats);
  const lift = liftOf(stats);
  const rows = await db
    .select({ ...pageColumns, matchCount, lift })
    .from(assets)
    .innerJoin(assetStages, and(eq(assetStages.assetId, assets.id), eq(assetStages.stageId, deal.stageId)))
    .leftJoin(stats, sql`${stats.assetId} = ${assets.id}`)
    .where(
      and(
        assetVisibility(actor),
        eq(assets.status, "published"),
        or(isNull(assets.expiresAt), gt(assets.expiresAt, sql`now()`)),
      ),
    )
    .orderBy(desc(matchCount), desc(effectiveness), desc(usage), desc(assets.id))
    .limit(Math.min(Math.max(limit, 1), 50));
  const items = await toSearchItems(db, actor, rows, undefined);
  return items.map((item, i) => ({
    ...item,
    matchCount: rows[i]!.matchCount,
    lift: rows[i]!.lift === null ? null : Number(rows[i]!.lift),
  }));
}
