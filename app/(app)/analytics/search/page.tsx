import { AnalyticsFilterBar } from "@/components/analytics/analytics-filter-bar";
import { RequestDemandPanel } from "@/components/analytics/request-demand-panel";
import { SearchInsightPanel } from "@/components/analytics/search-insight-panel";
import { PageHeader } from "@/components/ui/card";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { searchInsight } from "@/server/analytics/search-insight";
import { requestDemand } from "@/server/requests/request-demand";

export const metadata = { title: "Search insight" };

export default async function SearchInsightPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db, filters, range, options } = await loadDashboardContext(searchParams);
  const [insight, demand] = await Promise.all([
    searchInsight(db, actor.workspaceId, filters),
    requestDemand(db, actor),
  ]);
  return (
    <>
      <PageHeader
        title="Search insight"
        description="What people look for, and where the library has no answer. Open a search to see what they saw."
      />
      <AnalyticsFilterBar action="/analytics/search" options={options} filters={filters} range={range} />
      <SearchInsightPanel insight={insight} />
      <RequestDemandPanel {...demand} />
    </>
  );
}
