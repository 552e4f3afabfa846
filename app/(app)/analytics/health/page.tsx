import { LibraryHealthPanel } from "@/components/analytics/library-health-panel";
import { KpiTiles } from "@/components/analytics/kpi-tiles";
import { PageHeader } from "@/components/ui/card";
import { formatRate } from "@/lib/analytics/display";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { libraryHealth } from "@/server/analytics/library-health";

export const metadata = { title: "Library health" };

export default async function LibraryHealthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db } = await loadDashboardContext(searchParams);
  const health = await libraryHealth(db, actor.workspaceId);
  return (
    <>
      <PageHeader
        title="Library health"
        description="Published content nobody uses, content going stale, and how concentrated usage is (all time)."
      />
      <KpiTiles
        items={[
          {
            label: "Published",
            value: String(health.published),
            help: "Assets published in the library now.",
          },
          {
            label: "Never used",
            value: String(health.neverUsed.length),
            help: "Published assets no deal has ever used: effort that has not paid back yet.",
          },
          {
            label: `Idle ${health.staleDays} days`,
            value: String(health.stale.length),
            help: `Assets used before but not in the last ${health.staleDays} days.`,
          },
          {
            label: "Expired or past review",
            value: String(health.outdated.length),
            help: "Published assets past their expiry or review date.",
          },
          {
            label: "Top 10% share",
            value: formatRate(health.topDecileShare),
            help: "Share of all usages that go to the most used 10% of published assets.",
          },
        ]}
      />
      <LibraryHealthPanel health={health} />
    </>
  );
}
