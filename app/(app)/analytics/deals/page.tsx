import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DrillDealsTable } from "@/components/analytics/drill-deals-table";
import { PageHeader } from "@/components/ui/card";
import { filterQuery, formatLift, formatRate } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import { getAssetAnalytics } from "@/server/analytics/asset-analytics";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { listDealsBehind } from "@/server/analytics/drill-down";

export const metadata = { title: "Deals behind the numbers" };

const params = z.object({ assetId: z.uuid(), side: z.enum(["used", "baseline"]).catch("used") });

export default async function DrillDownPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const parsed = params.safeParse(raw);
  if (!parsed.success) notFound();
  const { assetId, side } = parsed.data;
  const { actor, db, filters, options, linkParams } = await loadDashboardContext(Promise.resolve(raw));
  const analytics = await getAssetAnalytics(db, actor.workspaceId, assetId, filters);
  if (!analytics) notFound();
  const a = analytics.overall;
  const deals = await listDealsBehind(db, actor.workspaceId, filters, assetId, side);
  const stage = options.stages.find((s) => s.id === filters.stageId)?.name;
  const rate = side === "used" ? a.used : a.baseline;
  const other = side === "used" ? "baseline" : "used";
  return (
    <>
      <PageHeader
        title={`${side === "used" ? "Deals that used" : "Baseline deals for"} “${a.title}”${stage ? ` at ${stage}` : ""}`}
        description={side === "used" ? m.winRate : m.baseline}
      />
      <p className="mb-4 text-sm text-slate-700" data-testid="drill-summary">
        {rate.won} won, {rate.lost} lost: win rate {formatRate(rate.rate)}. Lift {formatLift(a.lift)}.{" "}
        <Link
          href={`/analytics/deals?${filterQuery(linkParams, { assetId, side: other })}`}
          className="text-brand-700 hover:underline"
        >
          {side === "used" ? "See the baseline deals" : "See the deals that used it"}
        </Link>
      </p>
      <DrillDealsTable deals={deals} csvName={`${side}-deals.csv`} />
    </>
  );
}
