import { AnalyticsFilterBar } from "@/components/analytics/analytics-filter-bar";
import { SearchInsightPanel } from "@/components/analytics/search-insight-panel";
import { PageHeader } from "@/components/ui/card";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { searchInsight } from "@/server/analytics/search-insight";

export const metadata = { title: "Search insight" };

export default async function SearchInsightPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db, filters, range, options } = await loadDashboardContext(searchParams);
  const insight = await searchInsight(db, actor.workspaceId, filters);
  return (
    <>
      <PageHeader
        title="Search insight"
        description="What people look for, and where the library has no answer. Open a search to see what they saw."
      />
      <AnalyticsFilterBar action="/analytics/search" options={options} filters={filters} range={range} />
      <SearchInsightPanel insight={insight} />
    </>
  );
}
