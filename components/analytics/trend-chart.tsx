"use client";

import dynamic from "next/dynamic";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Series } from "./trend-lines";

export type { Series };

// The charting library is loaded only on pages that draw a chart, after the page itself (it is heavy,
// and the numbers are in the table below the chart meanwhile).
const TrendLines = dynamic(() => import("./trend-lines").then((m) => m.TrendLines), {
  ssr: false,
  loading: () => <div className="h-full w-full rounded bg-slate-50" />,
});

/** A weekly line chart; the same numbers are in the table under "Show the data". */
export function TrendChart({
  title,
  data,
  series,
  percent = false,
}: {
  title: string;
  data: Record<string, string | number | null>[];
  series: Series[];
  percent?: boolean;
}) {
  const format = (v: unknown) =>
    typeof v === "number"
      ? percent
        ? `${Math.round(v * 100)}%`
        : v.toLocaleString("en-US")
      : String(v ?? "");
  return (
    <figure>
      <div role="img" aria-label={`${title}, by week`} className="h-56 w-full">
        <TrendLines data={data} series={series} format={format} />
      </div>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer">Show the data</summary>
        <ScrollRegion label={`${title}, the numbers`}>
          <table className="mt-2 min-w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="text-right">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={String(d.week)}>
                  <td>{d.week}</td>
                  {series.map((s) => (
                    <td key={s.key} className="text-right tabular-nums">
                      {format(d[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
