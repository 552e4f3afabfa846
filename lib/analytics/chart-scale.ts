/**
 * Scales for the analytics charts, drawn as SVG on the server (components/analytics/chart-frame.tsx):
 * where the value axis stops and which points get a label.
 */

/**
 * Ticks for a value axis from 0: about four equal steps of 1, 2 or 5 times a power of ten, the last at or
 * above `max`. Counts (`whole`) step by at least 1.
 */
export function axisTicks(max: number, { whole }: { whole: boolean }): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : whole ? 1 : 0.01;
  const rough = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(whole ? 1 : 0, ([1, 2, 5, 10].find((m) => m * magnitude >= rough) ?? 10) * magnitude);
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    // toPrecision: 3 × 0.1 is 0.30000000000000004 in floating point.
    const t = Number((i * step).toPrecision(12));
    ticks.push(t);
    if (t >= top) return ticks;
  }
}

/**
 * Which of `count` evenly spaced points carry a label when at most `most` fit: always the first and the
 * last, the rest spread evenly between them.
 */
export function labelledPoints(count: number, most: number): number[] {
  if (count <= most) return Array.from({ length: count }, (_, i) => i);
  if (most <= 1) return count > 0 ? [0] : [];
  const picked = new Set<number>();
  for (let i = 0; i < most; i++) picked.add(Math.round((i * (count - 1)) / (most - 1)));
  return [...picked];
}
