"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** The drawn part of the page drop-off chart (recharts); DropOffChart loads it on demand. */
export function DropOffBars({ data }: { data: { page: number; reached: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="page" tick={{ fontSize: 11 }} tickFormatter={(p) => `p. ${p}`} />
        <YAxis tick={{ fontSize: 11 }} allowDecimals={false} width={32} />
        <Tooltip
          formatter={(v) => [`${String(v)} rooms`, "Reached"]}
          labelFormatter={(p) => `Page ${String(p)}`}
        />
        <Bar dataKey="reached" name="Rooms that reached the page" fill="#4f46e5" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
