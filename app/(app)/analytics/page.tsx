import Link from "next/link";
import { AnalyticsFilterBar } from "@/components/analytics/analytics-filter-bar";
import { AssetEffectivenessTable } from "@/components/analytics/asset-effectiveness-table";
import { KpiTiles } from "@/components/analytics/kpi-tiles";
import { MetricExplainer } from "@/components/analytics/metric-explainer";
import { StageHeatmapTable } from "@/components/analytics/stage-heatmap-table";
import { TrendChart } from "@/components/analytics/trend-chart";
import { Card, PageHeader } from "@/components/ui/card";
import { filterQuery, formatCount, formatRate } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import { listAssetAnalytics } from "@/server/analytics/asset-analytics";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { libraryHealth } from "@/server/analytics/library-health";
import { weeklyTrend } from "@/server/analytics/overview-queries";
import { stageHeatmap } from "@/server/analytics/stage-heatmap";

export const metadata = { title: "Analytics" };

export default async function AnalyticsOverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db, filters, range, options, linkParams } = await loadDashboardContext(searchParams);
  const ws = actor.workspaceId;
  const [assets, trend, heatmap, health] = await Promise.all([
    listAssetAnalytics(db, ws, filters, "lift"),
    weeklyTrend(db, ws, filters),
    stageHeatmap(db, ws, filters),
    libraryHealth(db, ws),
  ]);
  const measured = assets.filter((a) => a.lift !== null);
  // The same table at both ends of the ranking: the ten that help most and the ten that help least.
  const ends = [
    {
      title: "Highest lift",
      rows: measured.slice(0, 10),
      csvName: "highest-lift-assets.csv",
      testId: "top-assets",
    },
    {
      title: "Lowest lift",
      rows: [...measured].reverse().slice(0, 10),
      csvName: "lowest-lift-assets.csv",
      testId: "bottom-assets",
    },
  ];
  const sum = (k: "usages" | "views" | "downloads") => trend.reduce((s, w) => s + w[k], 0);
  const weeksWithAdoption = trend.filter((w) => w.adoption !== null);
  const adoption = weeksWithAdoption.length
    ? weeksWithAdoption.reduce((s, w) => s + w.adoption!, 0) / weeksWithAdoption.length
    : null;
  const stageName = options.stages.find((s) => s.id === filters.stageId)?.name;

  return (
    <>
      <PageHeader
        title="Analytics"
        description={
          stageName
            ? `What gets used and what helps win at the ${stageName} stage.`
            : "What gets used, what helps win, and what is missing."
        }
      />
      <AnalyticsFilterBar action="/analytics" options={options} filters={filters} range={range} />
      <KpiTiles
        items={[
          { label: "Usages logged", value: formatCount(sum("usages")), help: m.usages },
          { label: "Views", value: formatCount(sum("views")), help: m.views },
          { label: "Downloads", value: formatCount(sum("downloads")), help: m.views },
          {
            label: "Assets used",
            value: `${assets.filter((a) => a.usages > 0).length} of ${assets.length}`,
            help: "Published or archived assets used in at least one deal in the period.",
          },
          {
            label: "Never used",
            value: formatCount(health.neverUsed.length),
            help: "Published assets no deal has ever used (see Library health).",
          },
          {
            label: "Weekly adoption",
            value: formatRate(adoption),
            help: "Average share of reps and partner users who logged a usage in a week.",
          },
        ]}
      />
      <div className="mb-6">
        <MetricExplainer />
      </div>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card title="Usage by week">
          <TrendChart
            title="Usages, views and downloads"
            data={trend.map(({ week, usages, views, downloads }) => ({ week, usages, views, downloads }))}
            series={[
              { key: "usages", label: "Usages", color: "#4f46e5" },
              { key: "views", label: "Views", color: "#0891b2" },
              { key: "downloads", label: "Downloads", color: "#65a30d" },
            ]}
          />
        </Card>
        <Card title="Rep adoption by week">
          <TrendChart
            title="Share of reps who logged a usage"
            percent
            data={trend.map(({ week, adoption: a }) => ({ week, adoption: a }))}
            series={[{ key: "adoption", label: "Reps who logged a usage", color: "#7c3aed" }]}
          />
        </Card>
      </div>
      <div className="mb-6 grid gap-6">
        {ends.map((end) => (
          <AssetEffectivenessTable key={end.testId} {...end} linkParams={linkParams} />
        ))}
        <p className="text-sm text-slate-600">
          Only assets with enough closed deals on both sides are ranked.{" "}
          <Link href={`/analytics/assets?${filterQuery(linkParams)}`} className="text-brand-700 underline">
            See all {assets.length} assets
          </Link>
          , including those with too few deals to tell.
        </p>
        <StageHeatmapTable stages={options.stages} rows={heatmap} linkParams={linkParams} />
      </div>
    </>
  );
}
