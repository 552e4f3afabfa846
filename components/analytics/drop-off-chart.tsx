import { axisTicks, labelledPoints } from "@/lib/analytics/chart-scale";
import { formatRate } from "@/lib/analytics/display";
import type { BuyerEngagement } from "@/lib/schemas/analytics";
import { ChartData } from "./chart-data";
import { ChartFrame, plotY } from "./chart-frame";

const BAR_COLOR = "#4f46e5";

/**
 * Page by page: how many rooms' buyers got to each page, as a bar chart drawn on the server as SVG
 * (hovering a bar shows its figure) and the same numbers as a table.
 */
export function DropOffChart({ title, rows }: { title: string; rows: BuyerEngagement["dropOff"] }) {
  const ticks = axisTicks(Math.max(0, ...rows.map((r) => r.reached)), { whole: true });
  const top = ticks[ticks.length - 1]!;
  const band = 100 / Math.max(rows.length, 1);
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium text-slate-900">{title}</figcaption>
      <ChartFrame
        label={`${title}: rooms that reached each page`}
        className="h-48"
        ticks={ticks}
        formatTick={String}
        xLabels={labelledPoints(rows.length, 8).map((i) => ({
          key: String(rows[i]!.page),
          at: (i + 0.5) * band,
          text: `p. ${rows[i]!.page}`,
          align: "center",
        }))}
      >
        {rows.map((r, i) => (
          <rect
            key={r.page}
            x={i * band + band * 0.2}
            width={band * 0.6}
            y={plotY(r.reached, top)}
            height={100 - plotY(r.reached, top)}
            fill={BAR_COLOR}
          >
            <title>{`Page ${r.page}: ${r.reached} ${r.reached === 1 ? "room" : "rooms"} reached it`}</title>
          </rect>
        ))}
      </ChartFrame>
      <ChartData
        title={title}
        testId="drop-off-table"
        columns={[{ label: "Page" }, "Rooms that reached it", "Share", "Stopped there"]}
      >
        {rows.map((r) => (
          <tr key={r.page}>
            <td>Page {r.page}</td>
            <td className="text-right tabular-nums">{r.reached}</td>
            <td className="text-right tabular-nums">{formatRate(r.reachedShare)}</td>
            <td className="text-right tabular-nums">{r.stopped}</td>
          </tr>
        ))}
      </ChartData>
    </figure>
  );
}
