interface Row {
  name: string;
  requests: number;
  votes: number;
}

/** Where the field's open requests pile up, so marketing can see demand at a glance. */
export function DemandSummary({ byStage, byCompetitor }: { byStage: Row[]; byCompetitor: Row[] }) {
  if (byStage.length === 0 && byCompetitor.length === 0) return null;
  const table = (caption: string, rows: Row[]) => (
    <table className="min-w-full text-sm">
      <caption className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
        {caption}
      </caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Open requests</th>
          <th scope="col">Votes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th scope="row" className="py-0.5 pr-3 text-left font-normal text-slate-800">
              {r.name}
            </th>
            <td className="py-0.5 pr-3 text-right text-slate-600">
              {r.requests} {r.requests === 1 ? "request" : "requests"}
            </td>
            <td className="py-0.5 text-right font-medium text-slate-900">
              {r.votes} {r.votes === 1 ? "vote" : "votes"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section
      aria-label="Open demand"
      className="mb-6 grid gap-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-2"
    >
      {byStage.length ? table("Open demand by stage", byStage) : null}
      {byCompetitor.length ? table("Open demand by competitor", byCompetitor) : null}
    </section>
  );
}
