import Link from "next/link";
import { AssetEffectivenessTable } from "@/components/analytics/asset-effectiveness-table";
import { EffectivenessPageHeader } from "@/components/analytics/effectiveness-page-header";
import { filterQuery } from "@/lib/analytics/display";
import { assetSorts, type AssetSort } from "@/lib/schemas/analytics";
import { listAssetAnalytics } from "@/server/analytics/asset-analytics";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";

export const metadata = { title: "Asset analytics" };

const sortLabels: Record<AssetSort, string> = {
  lift: "Lift",
  win_rate: "Win rate",
  usages: "Usages",
  revenue: "Influenced revenue",
  deals: "Deals",
  title: "Title",
};

export default async function AllAssetsAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const { actor, db, filters, range, options, linkParams } = await loadDashboardContext(Promise.resolve(raw));
  const sort = (assetSorts as readonly string[]).includes(String(raw.sort))
    ? (raw.sort as AssetSort)
    : "lift";
  const rows = await listAssetAnalytics(db, actor.workspaceId, filters, sort);
  return (
    <>
      <EffectivenessPageHeader
        title="All assets"
        description="Usage and effectiveness of every published or archived asset."
        filterBar={{ action: "/analytics/assets", options, filters, range }}
      />
      <nav aria-label="Sort assets" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">Sort by:</span>
        {assetSorts.map((s) => (
          <Link
            key={s}
            href={`/analytics/assets?${filterQuery(linkParams, { sort: s })}`}
            aria-current={s === sort ? "true" : undefined}
            className={`rounded-full px-3 py-1 ring-1 ${s === sort ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {sortLabels[s]}
          </Link>
        ))}
      </nav>
      <AssetEffectivenessTable
        title={`${rows.length} assets`}
        rows={rows}
        linkParams={linkParams}
        csvName="asset-analytics.csv"
        testId="all-assets"
      />
    </>
  );
}
