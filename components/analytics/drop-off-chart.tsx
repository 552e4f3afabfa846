"use client";

import dynamic from "next/dynamic";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatRate } from "@/lib/analytics/display";
import type { BuyerEngagement } from "@/lib/schemas/analytics";

// The charting library loads only here and after the page; the numbers are in the table meanwhile.
const DropOffBars = dynamic(() => import("./drop-off-bars").then((m) => m.DropOffBars), {
  ssr: false,
  loading: () => <div className="h-full w-full rounded bg-slate-50" />,
});

/** Page by page: how many rooms' buyers got to each page, as a bar chart and the same numbers as a table. */
export function DropOffChart({ title, rows }: { title: string; rows: BuyerEngagement["dropOff"] }) {
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium text-slate-900">{title}</figcaption>
      <div role="img" aria-label={`${title}: rooms that reached each page`} className="h-48 w-full">
        <DropOffBars data={rows} />
      </div>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer py-2">Show the data</summary>
        <ScrollRegion label={`${title}, the numbers`}>
          <table className="mt-1 min-w-full text-left" data-testid="drop-off-table">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col" className="text-right">
                  Rooms that reached it
                </th>
                <th scope="col" className="text-right">
                  Share
                </th>
                <th scope="col" className="text-right">
                  Stopped there
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.page}>
                  <td>Page {r.page}</td>
                  <td className="text-right tabular-nums">{r.reached}</td>
                  <td className="text-right tabular-nums">{formatRate(r.reachedShare)}</td>
                  <td className="text-right tabular-nums">{r.stopped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
