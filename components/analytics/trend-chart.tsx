"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  label: string;
  color: string;
}

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
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="week" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis tick={{ fontSize: 11 }} tickFormatter={format} width={48} />
            <Tooltip formatter={(v) => format(v)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-xs text-slate-600">
        <summary className="cursor-pointer">Show the data</summary>
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
      </details>
    </figure>
  );
}
