import { metricExplanations as m } from "@/lib/analytics/explanations";

const entries: [string, string][] = [
  ["Usages", m.usages],
  ["Deals and reps", m.deals],
  ["Views and downloads", m.views],
  ["Win rate and its 95% range", m.winRate],
  ["Baseline", m.baseline],
  ["Lift", m.lift],
  ["Influenced revenue", m.influencedRevenue],
];

/** The plain-language meaning of every number on the page. */
export function MetricExplainer() {
  return (
    <details className="rounded-lg bg-brand-50/50 p-4 text-sm ring-1 ring-brand-100">
      <summary className="cursor-pointer font-medium text-slate-900">How to read these numbers</summary>
      <dl className="mt-3 grid gap-3 md:grid-cols-2">
        {entries.map(([term, text]) => (
          <div key={term}>
            <dt className="font-medium text-slate-800">{term}</dt>
            <dd className="text-slate-600">{text}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 font-medium text-amber-800">{m.causation}</p>
    </details>
  );
}
