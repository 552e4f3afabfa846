import { filterQuery, formatCount } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { PlayEffectiveness } from "@/server/analytics/play-effectiveness";
import { comparisonCells, comparisonColumns } from "./comparison-cells";
import { DataTable, type Column } from "./data-table";

const columns: Column[] = [
  { header: "Play" },
  { header: "Steps", numeric: true },
  { header: "Deals running it", numeric: true, help: m.playRuns },
  { header: "Steps done", numeric: true, help: m.playRuns },
  ...comparisonColumns({ winRate: m.playWinRate, baseline: m.playBaseline, lift: m.lift }),
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
          ...comparisonCells(r, {
            used: deals(r.playId, "used"),
            baseline: deals(r.playId, "baseline"),
            name: r.name,
            wonLabel: `Deals that ran ${r.name}`,
          }),
        ],
      }))}
    />
  );
}
