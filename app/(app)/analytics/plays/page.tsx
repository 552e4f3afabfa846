import { EffectivenessPageHeader } from "@/components/analytics/effectiveness-page-header";
import { PlayEffectivenessTable } from "@/components/analytics/play-effectiveness-table";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { listPlayEffectiveness } from "@/server/analytics/play-effectiveness";

export const metadata = { title: "Play analytics" };

export default async function PlayAnalyticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db, filters, range, options, linkParams } = await loadDashboardContext(searchParams);
  const rows = await listPlayEffectiveness(db, actor.workspaceId, filters);
  return (
    <>
      <EffectivenessPageHeader
        title="Plays"
        description="Deals that followed each play against comparable deals that did not. Stage and type filters do not apply: a play spans stages and assets."
        filterBar={{ action: "/analytics/plays", options, filters, range }}
      />
      <PlayEffectivenessTable rows={rows} linkParams={linkParams} />
    </>
  );
}
