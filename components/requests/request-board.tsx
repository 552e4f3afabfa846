import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { boardColumns, requestStatusLabels, requestUrgencyLabels } from "@/lib/requests";
import type { RequestDto } from "@/lib/schemas/requests";
import { TriageControls } from "./triage-controls";
import { VoteButton } from "./vote-button";

const openStatuses = new Set(["new", "accepted", "in_progress"]);

/** The triage board: one column per state, most wanted first; marketers get triage controls on each card. */
export function RequestBoard({ requests, triage }: { requests: RequestDto[]; triage: boolean }) {
  const mergeable = requests.filter((r) => r.status !== "merged" && r.status !== "declined");
  return (
    <div className="grid gap-4 md:grid-cols-3 xl:grid-cols-5" role="list" aria-label="Request board">
      {boardColumns.map((column) => {
        const cards = requests.filter((r) => r.status === column);
        return (
          <section
            key={column}
            role="listitem"
            aria-labelledby={`col-${column}`}
            className="flex flex-col rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
          >
            <h2 id={`col-${column}`} className="text-sm font-semibold text-slate-900">
              {requestStatusLabels[column]}{" "}
              <span className="font-normal text-slate-500">({cards.length})</span>
            </h2>
            <ul className="mt-3 space-y-3" aria-label={`${requestStatusLabels[column]} requests`}>
              {cards.map((r) => (
                <li
                  key={r.id}
                  id={`request-${r.id}`}
                  className="rounded-md bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200"
                  aria-label={r.title}
                >
                  <p className="font-medium text-slate-900">{r.title}</p>
                  {r.details ? <p className="mt-1 text-xs text-slate-600">{r.details}</p> : null}
                  <div className="mt-2 flex flex-wrap gap-1">
                    {r.urgency === "high" ? <Badge tone="red">{requestUrgencyLabels.high}</Badge> : null}
                    {r.stage ? <Badge>{r.stage.name}</Badge> : null}
                    {r.industry ? <Badge tone="blue">{r.industry.name}</Badge> : null}
                    {r.competitor ? <Badge tone="amber">vs {r.competitor.name}</Badge> : null}
                  </div>
                  <p className="mt-2 text-xs text-slate-500">
                    {r.requester.name}
                    {r.requester.partnerOrg ? ` (${r.requester.partnerOrg})` : ""}
                    {r.deal ? (
                      <>
                        {" · "}
                        <Link href={`/deals/${r.deal.id}`} className="underline">
                          {r.deal.name}
                        </Link>
                      </>
                    ) : null}
                  </p>
                  {r.deliveredAsset ? (
                    <p className="mt-2 text-xs">
                      Delivered:{" "}
                      <Link
                        href={`/assets/${r.deliveredAsset.id}`}
                        className="font-medium text-brand-700 underline"
                      >
                        {r.deliveredAsset.title}
                      </Link>
                    </p>
                  ) : null}
                  {r.declineReason ? (
                    <p className="mt-2 text-xs text-slate-600">Reason: {r.declineReason}</p>
                  ) : null}
                  <div className="mt-2">
                    <VoteButton
                      id={r.id}
                      title={r.title}
                      votes={r.votes}
                      voted={r.votedByMe}
                      open={openStatuses.has(r.status)}
                    />
                  </div>
                  {triage ? (
                    <TriageControls
                      id={r.id}
                      title={r.title}
                      status={r.status}
                      mergeTargets={mergeable
                        .filter((m) => m.id !== r.id && m.requester.partnerOrg === r.requester.partnerOrg)
                        .map((m) => ({ id: m.id, title: m.title }))}
                    />
                  ) : null}
                </li>
              ))}
              {cards.length === 0 ? (
                <li className="text-xs text-slate-500">No requests with this status.</li>
              ) : null}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
