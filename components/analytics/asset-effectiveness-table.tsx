import { assetTypeLabels } from "@/lib/assets";
import {
  filterQuery,
  formatCount,
  formatInterval,
  formatLift,
  formatRate,
  formatWholeMoney,
} from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { AssetAnalytics } from "@/lib/schemas/analytics";
import { DataTable, type Column } from "./data-table";

const columns: Column[] = [
  { header: "Asset" },
  { header: "Type" },
  { header: "Usages", numeric: true, help: m.usages },
  { header: "Deals", numeric: true, help: m.deals },
  { header: "Helped", numeric: true, help: m.feedback },
  { header: "Didn't help", numeric: true, help: m.feedback },
  { header: "Open questions", numeric: true, help: m.feedback },
  { header: "Won", numeric: true, help: m.winRate },
  { header: "Lost", numeric: true, help: m.winRate },
  { header: "Win rate", numeric: true, help: m.winRate },
  { header: "95% range", numeric: true, help: m.winRate },
  { header: "Baseline", numeric: true, help: m.baseline },
  { header: "Lift", numeric: true, help: m.lift },
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
          {
            text: formatCount(r.used.won),
            href: deals(r.assetId, "used"),
            label: `Deals behind ${r.title}: won`,
          },
          { text: formatCount(r.used.lost) },
          { text: formatRate(r.used.rate) },
          { text: formatInterval(r.used.interval) },
          {
            text: formatRate(r.baseline.rate),
            href: deals(r.assetId, "baseline"),
            label: `Baseline deals for ${r.title}`,
          },
          {
            text: formatLift(r.lift),
            href: deals(r.assetId, "used"),
            label: `Deals behind the lift of ${r.title}`,
          },
          { text: formatWholeMoney(r.influencedRevenue) },
        ],
      }))}
    />
  );
}
