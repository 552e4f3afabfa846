import { Card } from "@/components/ui/card";
import { ScrollTable } from "@/components/ui/scroll-table";
import { formatCount, formatInterval, formatLift, formatRate, formatReadTime } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import type { BuyerEngagement } from "@/lib/schemas/analytics";
import { DropOffChart } from "./drop-off-chart";
import { KpiTiles } from "./kpi-tiles";

/** One sentence saying where buyers stop, for readers who skip the chart. */
export function dropOffSentence(rows: BuyerEngagement["dropOff"]): string {
  const read = rows[0]?.reached ?? 0;
  if (read === 0) return "No buyer has read it in a room yet.";
  const last = rows[rows.length - 1]!;
  const early = rows.slice(0, -1).filter((r) => r.stopped > 0);
  if (early.length === 0) return `All ${read} rooms that read it got to the last page.`;
  const most = early.reduce((a, b) => (b.stopped > a.stopped ? b : a));
  return (
    `Of ${read} ${read === 1 ? "room" : "rooms"} that read it, ${last.reached} got to the last page (page ${last.page}); ` +
    `most often buyers stopped at page ${most.page} (${most.stopped} ${most.stopped === 1 ? "room" : "rooms"}).`
  );
}

/** What buyers did with one asset in rooms: reach, reading, drop-off and how those deals ended. */
export function BuyerEngagementPanel({ e }: { e: BuyerEngagement }) {
  const o = e.outcome;
  const sides = [
    { key: "engaged", label: "A buyer opened it", rate: o.engaged },
    { key: "not-opened", label: "Shared, never opened", rate: o.notOpened },
  ];
  return (
    <div className="mb-6" data-testid="buyer-engagement">
      <Card title="Shared with buyers">
        {e.rooms === 0 && o.engaged.closed + o.notOpened.closed === 0 ? (
          <p className="text-sm text-slate-600">
            Not shared in a buyer room in this period. Reps share it from a deal (Share with buyer).
          </p>
        ) : (
          <>
            <KpiTiles
              items={[
                { label: "Rooms shared in", value: formatCount(e.rooms), help: m.buyerRooms },
                {
                  label: "Opened by a buyer",
                  value: `${e.openedRooms} of ${e.rooms} (${formatRate(e.openedShare)})`,
                  help: m.buyerOpened,
                },
                { label: "Median read time", value: formatReadTime(e.medianReadMs), help: m.medianRead },
                {
                  label: "Buyer downloads",
                  value: formatCount(e.downloads),
                  help: "Downloads by counted buyers in those rooms.",
                },
              ]}
            />
            {e.dropOff.length ? (
              <div className="mb-6">
                <p className="mb-3 text-sm text-slate-700" data-testid="drop-off-summary" title={m.dropOff}>
                  {dropOffSentence(e.dropOff)}
                </p>
                <DropOffChart title={`Page drop-off (${e.pageCount} pages)`} rows={e.dropOff} />
              </div>
            ) : null}
            <ScrollTable
              label="Win rate by whether the buyer opened it"
              className="-mx-4"
              tableClassName="divide-y divide-slate-200 text-sm"
              testId="engaged-win-rate"
              caption={
                <>
                  Closed deals it was shared on: did the buyer open it?
                  <span className="sr-only"> {m.engagedWinRate}</span>
                </>
              }
              captionClassName="px-4 pb-2 text-left text-sm font-medium text-slate-900"
              headClassName="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
              cellClassName="px-3 py-2 text-right"
              columns={[
                { label: "Deals where", className: "px-4 py-2" },
                "Won",
                "Lost",
                "Win rate",
                { label: "95% range", className: "px-4 py-2 text-right" },
              ]}
            >
              {sides.map((s) => (
                <tr key={s.key}>
                  <th scope="row" className="px-4 py-2 text-left font-normal">
                    {s.label}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{s.rate.won}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{s.rate.lost}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatRate(s.rate.rate)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatInterval(s.rate.interval)}</td>
                </tr>
              ))}
            </ScrollTable>
            <p className="mt-3 text-sm text-slate-700" title={m.engagedWinRate}>
              Difference: <span className="font-medium">{formatLift(o.lift)}</span>
              {o.verdict === "higher"
                ? " — deals whose buyer opened it won more often."
                : o.verdict === "lower"
                  ? " — deals whose buyer opened it won less often."
                  : o.verdict === "unclear"
                    ? " — no clear difference yet."
                    : ""}
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
