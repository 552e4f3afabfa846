import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assets } from "@/db/schema";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import type { Actor } from "@/server/authz/actor";
import { assetVisibility } from "@/server/authz/visibility";
import { listAssetAnalytics } from "./asset-analytics";

/**
 * For a rep choosing content at a stage: the published assets they may open, ranked by lift at that
 * stage, split into those clearly ahead of comparable deals and those with too few deals to tell yet.
 */
export async function whatWorksAtStage(
  db: Database,
  actor: Actor,
  f: AnalyticsFilters & { stageId: string },
) {
  const [rows, visible] = await Promise.all([
    listAssetAnalytics(db, actor.workspaceId, f, "lift"),
    db
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.status, "published"), assetVisibility(actor))),
  ]);
  const allowed = new Set(visible.map((v) => v.id));
  const mine = rows.filter((r) => allowed.has(r.assetId));
  return {
    ahead: mine.filter((r) => r.verdict === "higher"),
    measured: mine.filter((r) => r.verdict === "unclear" || r.verdict === "lower"),
    popular: mine
      .filter((r) => r.verdict === "too_few" && r.usages > 0)
      .sort((a, b) => b.usages - a.usages)
      .slice(0, 10),
  };
}
