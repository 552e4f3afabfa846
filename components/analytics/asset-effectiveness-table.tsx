import { assetTypeLabels } from "@/lib/assets";
import { filterQuery, formatCount, formatWholeMoney } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { AssetAnalytics } from "@/lib/schemas/analytics";
import { comparisonCells, comparisonColumns } from "./comparison-cells";
import { DataTable, type Column } from "./data-table";

const columns: Column[] = [
  { header: "Asset" },
  { header: "Type" },
  { header: "Usages", numeric: true, help: m.usages },
  { header: "Deals", numeric: true, help: m.deals },
  { header: "Helped", numeric: true, help: m.feedback },
  { header: "Didn't help", numeric: true, help: m.feedback },
  { header: "Open questions", numeric: true, help: m.feedback },
  ...comparisonColumns({ winRate: m.winRate, baseline: m.baseline, lift: m.lift }),
  { header: "Influenced revenue", numeric: true, help: m.influencedRevenue },
];

/** Assets with their effectiveness; lift and won/lost link to the deals behind them. */
export function AssetEffectivenessTable({
  title,
  rows,
  linkParams,
  csvName,
  testId,
}: {
  title: string;
  rows: AssetAnalytics[];
  linkParams: Record<string, string | undefined>;
  csvName: string;
  testId?: string;
}) {
  const deals = (assetId: string, side: "used" | "baseline") =>
    `/analytics/deals?${filterQuery(linkParams, { assetId, side })}`;
  return (
    <DataTable
      title={title}
      csvName={csvName}
      testId={testId}
      columns={columns}
      empty="No published assets match these filters. Widen the period or clear a filter."
      rows={rows.map((r) => ({
        key: r.assetId,
        cells: [
          { text: r.title, href: `/analytics/assets/${r.assetId}?${filterQuery(linkParams)}` },
          { text: assetTypeLabels[r.type] },
          { text: formatCount(r.usages) },
          { text: formatCount(r.deals) },
          { text: formatCount(r.helped) },
          { text: formatCount(r.notHelped) },
          { text: formatCount(r.openQuestions) },
          ...comparisonCells(r, {
            used: deals(r.assetId, "used"),
            baseline: deals(r.assetId, "baseline"),
            name: r.title,
            wonLabel: `Deals behind ${r.title}: won`,
          }),
          { text: formatWholeMoney(r.influencedRevenue) },
        ],
      }))}
    />
  );
}
