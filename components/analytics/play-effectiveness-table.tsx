import { filterQuery, formatCount, formatInterval, formatLift, formatRate } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { PlayEffectiveness } from "@/server/analytics/play-effectiveness";
import { DataTable, type Column } from "./data-table";

const columns: Column[] = [
  { header: "Play" },
  { header: "Steps", numeric: true },
  { header: "Deals running it", numeric: true, help: m.playRuns },
  { header: "Steps done", numeric: true, help: m.playRuns },
  { header: "Won", numeric: true, help: m.playWinRate },
  { header: "Lost", numeric: true, help: m.playWinRate },
  { header: "Win rate", numeric: true, help: m.playWinRate },
  { header: "95% range", numeric: true, help: m.playWinRate },
  { header: "Baseline", numeric: true, help: m.playBaseline },
  { header: "Lift", numeric: true, help: m.lift },
];

/** Plays with the win rate of the deals that ran them against comparable deals that did not. */
export function PlayEffectivenessTable({
  rows,
  linkParams,
}: {
  rows: PlayEffectiveness[];
  linkParams: Record<string, string | undefined>;
}) {
  const deals = (playId: string, side: "used" | "baseline") =>
    `/analytics/plays/${playId}?${filterQuery(linkParams, { side })}`;
  return (
    <DataTable
      title={`${rows.length} plays`}
      csvName="play-effectiveness.csv"
      testId="play-effectiveness"
      columns={columns}
      empty="No plays yet. Build one under Plays, and reps can run it on their deals."
      rows={rows.map((r) => ({
        key: r.playId,
        cells: [
          { text: r.name, href: `/plays/${r.playId}` },
          { text: formatCount(r.steps) },
          { text: formatCount(r.dealsRunning) },
          { text: formatCount(r.stepsDone) },
          { text: formatCount(r.used.won), href: deals(r.playId, "used"), label: `Deals that ran ${r.name}` },
          { text: formatCount(r.used.lost) },
          { text: formatRate(r.used.rate) },
          { text: formatInterval(r.used.interval) },
          {
            text: formatRate(r.baseline.rate),
            href: deals(r.playId, "baseline"),
            label: `Baseline deals for ${r.name}`,
          },
          {
            text: formatLift(r.lift),
            href: deals(r.playId, "used"),
            label: `Deals behind the lift of ${r.name}`,
          },
        ],
      }))}
    />
  );
}
