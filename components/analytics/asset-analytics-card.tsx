import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatLift, formatRate, formatWholeMoney } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { AssetAnalytics } from "@/lib/schemas/analytics";

/** The asset page's analytics panel (marketing only): the last 12 months at a glance. */
export function AssetAnalyticsCard({
  a,
  stages,
}: {
  a: AssetAnalytics;
  stages: { stageName: string; lift: number | null; closed: number }[];
}) {
  return (
    <Card
      title="Analytics, last 12 months"
      actions={
        <Link href={`/analytics/assets/${a.assetId}`} className="text-sm text-brand-700 hover:underline">
          Details
        </Link>
      }
    >
      <dl className="grid grid-cols-2 gap-3 text-sm" data-testid="asset-analytics">
        <div title={m.winRate}>
          <dt className="text-xs text-slate-500">Win rate when used</dt>
          <dd className="font-semibold">
            {formatRate(a.used.rate)} <span className="font-normal text-slate-500">of {a.used.closed}</span>
          </dd>
        </div>
        <div title={m.baseline}>
          <dt className="text-xs text-slate-500">Baseline</dt>
          <dd className="font-semibold">{formatRate(a.baseline.rate)}</dd>
        </div>
        <div title={m.lift}>
          <dt className="text-xs text-slate-500">Lift</dt>
          <dd className="font-semibold">{formatLift(a.lift)}</dd>
        </div>
        <div title={m.influencedRevenue}>
          <dt className="text-xs text-slate-500">Influenced revenue</dt>
          <dd className="font-semibold">{formatWholeMoney(a.influencedRevenue)}</dd>
        </div>
      </dl>
      {stages.length ? (
        <ul className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-600">
          {stages.map((s) => (
            <li key={s.stageName}>
              {s.stageName}: {formatLift(s.lift)} ({s.closed} closed deals)
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">{m.causation}</p>
    </Card>
  );
}
