import {
  filterQuery,
  formatInterval,
  formatLift,
  formatRate,
  formatWholeMoney,
} from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";
import type { WinRate } from "@/server/analytics/metrics";
import { comparisonColumns } from "./comparison-cells";
import { DataTable } from "./data-table";

export interface StageOutcome {
  stageId: string;
  used: WinRate;
  baseline: WinRate;
  lift: number | null;
  influencedRevenue: number;
}

/** One asset's effectiveness at each stage it was used at. */
export function AssetStageTable({
  assetId,
  title,
  stages,
  byStage,
  linkParams,
}: {
  assetId: string;
  title: string;
  stages: { id: string; name: string }[];
  byStage: StageOutcome[];
  linkParams: AnalyticsFilters & Record<string, string | undefined>;
}) {
  const order = new Map(stages.map((s, i) => [s.id, i]));
  const rows = [...byStage].sort((a, b) => (order.get(a.stageId) ?? 0) - (order.get(b.stageId) ?? 0));
  return (
    <DataTable
      title={`${title} by stage`}
      csvName="asset-by-stage.csv"
      testId="asset-stages"
      columns={[
        { header: "Stage" },
        ...comparisonColumns({ winRate: m.winRate, baseline: m.baseline, lift: m.lift }),
        { header: "Influenced revenue", numeric: true, help: m.influencedRevenue },
      ]}
      rows={rows.map((r) => ({
        key: r.stageId,
        cells: [
          { text: stages.find((s) => s.id === r.stageId)?.name ?? "Removed stage" },
          { text: String(r.used.won) },
          { text: String(r.used.lost) },
          { text: formatRate(r.used.rate) },
          { text: formatInterval(r.used.interval) },
          { text: formatRate(r.baseline.rate) },
          {
            text: formatLift(r.lift),
            href: `/analytics/deals?${filterQuery({ ...linkParams, stageId: r.stageId }, { assetId, side: "used" })}`,
          },
          { text: formatWholeMoney(r.influencedRevenue) },
        ],
      }))}
      empty="No closed deal in the period used this asset. Its numbers appear once deals that used it are won or lost."
    />
  );
}
