import Link from "next/link";
import { formatCount } from "@/lib/analytics/display";
import { DataTable, type Column } from "./data-table";

interface DemandRow {
  name: string;
  requests: number;
  votes: number;
  deals: number;
}

const columns = (first: string): Column[] => [
  { header: first },
  { header: "Open requests", numeric: true, help: "Requests not yet delivered, declined or merged." },
  { header: "Votes", numeric: true, help: "People who need the same, the requester included." },
  { header: "Deals", numeric: true, help: "Distinct deals the open requests were raised for." },
];

const rows = (demand: DemandRow[]) =>
  demand.map((r) => ({
    key: r.name,
    cells: [
      { text: r.name, href: "/requests" },
      { text: formatCount(r.requests) },
      { text: formatCount(r.votes) },
      { text: formatCount(r.deals) },
    ],
  }));

/** What the field asked for and did not get yet: open content requests by stage and by competitor. */
export function RequestDemandPanel({
  byStage,
  byCompetitor,
}: {
  byStage: DemandRow[];
  byCompetitor: DemandRow[];
}) {
  const empty = (
    <>
      No open requests name one. Reps raise them from the <Link href="/requests">request board</Link> or from
      a search that found nothing.
    </>
  );
  return (
    <section aria-labelledby="request-demand" className="mt-6 grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="request-demand" className="text-base font-semibold text-slate-900">
          Content gaps: open field requests
        </h2>
        <Link href="/requests" className="text-sm font-medium text-brand-700 hover:underline">
          Open the request board
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Requests still open today, whatever the period above; most wanted first.
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        {[
          { by: "Stage", slug: "stage", demand: byStage },
          { by: "Competitor", slug: "competitor", demand: byCompetitor },
        ].map(({ by, slug, demand }) => (
          <DataTable
            key={slug}
            title={`Open demand by ${by.toLowerCase()}`}
            csvName={`request-demand-by-${slug}.csv`}
            testId={`demand-by-${slug}`}
            columns={columns(by)}
            rows={rows(demand)}
            empty={empty}
          />
        ))}
      </div>
    </section>
  );
}
