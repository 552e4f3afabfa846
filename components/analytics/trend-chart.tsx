import { axisTicks, labelledPoints } from "@/lib/analytics/chart-scale";
import { ChartData } from "./chart-data";
import { ChartFrame, plotY } from "./chart-frame";

export interface Series {
  key: string;
  label: string;
  color: string;
}

type Row = Record<string, string | number | null>;

/** "2026-11-30" as "30 Nov". */
const shortWeek = (week: string) =>
  new Date(`${week}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** A series' points as runs of consecutive weeks with a value: a week without one breaks the line. */
function runs(data: Row[], key: string, x: (i: number) => number, y: (v: number) => number): string[] {
  const out: string[][] = [];
  let current: string[] | null = null;
  data.forEach((d, i) => {
    const v = d[key];
    if (typeof v !== "number") {
      current = null;
      return;
    }
    if (!current) out.push((current = []));
    current.push(`${x(i)},${y(v)}`);
  });
  // A lone point is drawn as a zero-length line, which its round caps make a dot.
  return out.map((points) => (points.length === 1 ? [points[0], points[0]] : points).join(" "));
}

/**
 * A weekly line chart, drawn on the server as SVG (no charting code reaches the browser); hovering a week
 * shows its figures, and the same numbers are in the table under "Show the data".
 */
export function TrendChart({
  title,
  data,
  series,
  percent = false,
}: {
  title: string;
  data: Row[];
  series: Series[];
  percent?: boolean;
}) {
  const format = (v: unknown) =>
    typeof v === "number"
      ? percent
        ? `${Math.round(v * 100)}%`
        : v.toLocaleString("en-US")
      : String(v ?? "");
  const values = data.flatMap((d) => series.map((s) => d[s.key])).filter((v) => typeof v === "number");
  const ticks = axisTicks(Math.max(0, ...values), { whole: !percent });
  const top = ticks[ticks.length - 1]!;
  const n = data.length;
  const x = (i: number) => (n === 1 ? 50 : (i / (n - 1)) * 100);
  const band = n > 1 ? 100 / (n - 1) : 100;
  const week = (d: Row) => String(d.week);
  return (
    <figure>
      {n === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">Nothing recorded in this period.</p>
      ) : (
        <ChartFrame
          label={`${title}, by week`}
          className="h-56"
          ticks={ticks}
          formatTick={format}
          legend={series}
          xLabels={labelledPoints(n, 4).map((i) => ({
            key: week(data[i]!),
            at: x(i),
            text: shortWeek(week(data[i]!)),
            align: n === 1 ? "center" : i === 0 ? "start" : i === n - 1 ? "end" : "center",
          }))}
        >
          {series.map((s) =>
            runs(data, s.key, x, (v) => plotY(v, top)).map((points, j) => (
              <polyline
                key={`${s.key}-${j}`}
                points={points}
                fill="none"
                stroke={s.color}
                strokeWidth={2}
                strokeLinecap="round"
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
              />
            )),
          )}
          {data.map((d, i) => (
            <rect key={week(d)} x={x(i) - band / 2} y={0} width={band} height={100} fill="transparent">
              <title>
                {[`Week of ${week(d)}`, ...series.map((s) => `${s.label}: ${format(d[s.key]) || "—"}`)].join(
                  "\n",
                )}
              </title>
            </rect>
          ))}
        </ChartFrame>
      )}
      <ChartData title={title} columns={[{ label: "Week" }, ...series.map((s) => s.label)]}>
        {data.map((d) => (
          <tr key={week(d)}>
            <td>{d.week}</td>
            {series.map((s) => (
              <td key={s.key} className="text-right tabular-nums">
                {format(d[s.key])}
              </td>
            ))}
          </tr>
        ))}
      </ChartData>
    </figure>
  );
}
