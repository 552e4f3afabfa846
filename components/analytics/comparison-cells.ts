import { formatCount, formatInterval, formatLift, formatRate } from "@/lib/analytics/display";
import type { Cell, Column } from "./data-table";

/** What every "with it against without it" row carries: the deals that used it and the baseline. */
export interface Comparison {
  used: { won: number; lost: number; rate: number | null; interval: { low: number; high: number } | null };
  baseline: { rate: number | null };
  lift: number | null;
}

/** The six comparison columns (won, lost, win rate, its 95% range, baseline, lift), with their help. */
export function comparisonColumns(help: { winRate: string; baseline: string; lift: string }): Column[] {
  return [
    { header: "Won", numeric: true, help: help.winRate },
    { header: "Lost", numeric: true, help: help.winRate },
    { header: "Win rate", numeric: true, help: help.winRate },
    { header: "95% range", numeric: true, help: help.winRate },
    { header: "Baseline", numeric: true, help: help.baseline },
    { header: "Lift", numeric: true, help: help.lift },
  ];
}

/**
 * The six comparison cells of a row. With `links`, the won count and the lift open the deals behind them
 * and the baseline opens the comparable deals, each named for what it counts.
 */
export function comparisonCells(
  r: Comparison,
  links?: { used: string; baseline?: string; name: string; wonLabel: string },
): Cell[] {
  return [
    links
      ? { text: formatCount(r.used.won), href: links.used, label: links.wonLabel }
      : { text: formatCount(r.used.won) },
    { text: formatCount(r.used.lost) },
    { text: formatRate(r.used.rate) },
    { text: formatInterval(r.used.interval) },
    links?.baseline
      ? { text: formatRate(r.baseline.rate), href: links.baseline, label: `Baseline deals for ${links.name}` }
      : { text: formatRate(r.baseline.rate) },
    links
      ? { text: formatLift(r.lift), href: links.used, label: `Deals behind the lift of ${links.name}` }
      : { text: formatLift(r.lift) },
  ];
}
