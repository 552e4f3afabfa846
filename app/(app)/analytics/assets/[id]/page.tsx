import Link from "next/link";
import { notFound } from "next/navigation";
import { AnalyticsFilterBar } from "@/components/analytics/analytics-filter-bar";
import { AssetAnalyticsSummary } from "@/components/analytics/asset-analytics-summary";
import { AssetStageTable } from "@/components/analytics/asset-stage-table";
import { BuyerEngagementPanel } from "@/components/analytics/buyer-engagement-panel";
import { MetricExplainer } from "@/components/analytics/metric-explainer";
import { PageHeader } from "@/components/ui/card";
import { filterQuery } from "@/lib/analytics/display";
import { getAssetAnalytics } from "@/server/analytics/asset-analytics";
import { uuidOrNotFound } from "@/server/auth/require-page";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";

export const metadata = { title: "Asset analytics" };

export default async function AssetAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = uuidOrNotFound((await params).id);
  const { actor, db, filters, range, options, linkParams } = await loadDashboardContext(searchParams);
  const data = await getAssetAnalytics(db, actor.workspaceId, id, filters);
  if (!data) notFound();
  const a = data.overall;
  return (
    <>
      <PageHeader
        title={a.title}
        description={
          <>
            Usage and effectiveness.{" "}
            <Link href={`/assets/${a.assetId}`} className="text-brand-700 hover:underline">
              Open the asset
            </Link>{" "}
            ·{" "}
            <Link
              href={`/analytics/deals?${filterQuery(linkParams, { assetId: a.assetId, side: "used" })}`}
              className="text-brand-700 hover:underline"
            >
              Deals that used it
            </Link>
          </>
        }
      />
      <AnalyticsFilterBar
        action={`/analytics/assets/${a.assetId}`}
        options={options}
        filters={filters}
        range={range}
      />
      <AssetAnalyticsSummary a={a} />
      <div className="mb-6">
        <MetricExplainer />
      </div>
      <BuyerEngagementPanel e={data.buyerEngagement} />
      <AssetStageTable
        assetId={a.assetId}
        title={a.title}
        stages={options.stages}
        byStage={data.byStage}
        linkParams={linkParams}
      />
    </>
  );
}
