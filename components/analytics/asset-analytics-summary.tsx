import {
  formatCount,
  formatDateOrNever,
  formatLift,
  formatRate,
  formatWholeMoney,
} from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { AssetAnalytics } from "@/lib/schemas/analytics";
import { KpiTiles } from "./kpi-tiles";

export function AssetAnalyticsSummary({ a }: { a: AssetAnalytics }) {
  return (
    <KpiTiles
      items={[
        { label: "Usages", value: formatCount(a.usages), help: m.usages },
        { label: "Deals / reps", value: `${a.deals} / ${a.reps}`, help: m.deals },
        { label: "Views / downloads", value: `${a.views} / ${a.downloads}`, help: m.views },
        {
          label: "Win rate vs baseline",
          value: `${formatRate(a.used.rate)} vs ${formatRate(a.baseline.rate)}`,
          help: `${m.winRate} ${m.baseline}`,
        },
        { label: "Lift", value: formatLift(a.lift), help: m.lift },
        {
          label: "Influenced revenue",
          value: formatWholeMoney(a.influencedRevenue),
          help: m.influencedRevenue,
        },
        {
          label: "Last used",
          value: formatDateOrNever(a.lastUsedAt),
          help: "The latest usage logged in a deal.",
        },
      ]}
    />
  );
}
