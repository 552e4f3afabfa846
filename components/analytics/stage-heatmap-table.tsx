import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { ScrollTable } from "@/components/ui/scroll-table";
import { filterQuery, formatLift, formatRate } from "@/lib/analytics/display";
import type { HeatmapCell } from "@/server/analytics/stage-heatmap";
import { CsvButton } from "./csv-button";

const tone: Record<HeatmapCell["verdict"], string> = {
  higher: "bg-emerald-100 text-emerald-900",
  lower: "bg-red-100 text-red-900",
  unclear: "bg-slate-100 text-slate-800",
  too_few: "bg-white text-slate-600",
};

const heatmapCaption =
  "Most used assets by stage: uses, win rate of closed deals that used the asset at that stage, and lift. " +
  "Green: clearly above the baseline; red: clearly below.";

const cellText = (c: HeatmapCell) =>
  c.usages === 0 && c.usedClosed === 0
    ? "—"
    : `${c.usages} uses · ${c.usedClosed ? `${formatRate(c.winRate)} won` : "no closed deals"}`;

/** Asset x stage: how often each asset is used at each stage and how deals that used it there ended. */
export function StageHeatmapTable({
  stages,
  rows,
  linkParams,
}: {
  stages: { id: string; name: string }[];
  rows: { assetId: string; title: string; cells: HeatmapCell[] }[];
  linkParams: Record<string, string | undefined>;
}) {
  const shown = stages.filter((s) => rows.some((r) => r.cells.some((c) => c.stageId === s.id)));
  const at = (r: (typeof rows)[number], stageId: string) => r.cells.find((c) => c.stageId === stageId);
  const text = (c: HeatmapCell | undefined) =>
    c ? `${cellText(c)}${c.lift !== null ? ` (${formatLift(c.lift)})` : ""}` : "—";
  return (
    <Card
      title="Assets by stage"
      actions={
        rows.length ? (
          <CsvButton
            filename="assets-by-stage.csv"
            header={["Asset", ...shown.map((s) => s.name)]}
            rows={rows.map((r) => [r.title, ...shown.map((s) => text(at(r, s.id)))])}
          />
        ) : null
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="No usages in this period">
          Reps log usages from a deal page; they appear here.
        </EmptyState>
      ) : (
        <ScrollTable
          label="Assets by stage"
          className="-m-4"
          tableClassName="text-xs"
          testId="stage-heatmap"
          caption={heatmapCaption}
          headClassName="bg-slate-50 text-left font-semibold uppercase tracking-wide text-slate-500"
          cellClassName="px-3 py-2"
          columns={["Asset", ...shown.map((s) => s.name)]}
        >
          {rows.map((r) => (
            <tr key={r.assetId}>
              <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                {r.title}
              </th>
              {shown.map((s) => {
                const c = at(r, s.id);
                return (
                  <td key={s.id} className={`px-3 py-2 ${c ? tone[c.verdict] : ""}`}>
                    {c && c.usedClosed > 0 ? (
                      <Link
                        className="hover:underline"
                        href={`/analytics/deals?${filterQuery({ ...linkParams, stageId: s.id }, { assetId: r.assetId, side: "used" })}`}
                      >
                        {text(c)}
                      </Link>
                    ) : (
                      text(c)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </ScrollTable>
      )}
    </Card>
  );
}
