import { TableHead } from "@/components/ui/table-head";
import type { ImportReport } from "@/lib/schemas/deals";

export function ImportReportView({ report }: { report: ImportReport }) {
  const stats: [string, number][] = [
    ["Rows read", report.rows],
    ["Created", report.created],
    ["Updated", report.updated],
    ["Unchanged", report.unchanged],
    ["Skipped with errors", report.failed],
  ];
  return (
    <section
      aria-labelledby="report-heading"
      className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      role="status"
    >
      <h2 id="report-heading" className="text-sm font-semibold">
        Import finished
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {report.errors.length ? (
        <table className="min-w-full text-sm" aria-label="Rows not imported">
          <TableHead
            className="text-left text-xs text-slate-500"
            columns={[
              { label: "Line", className: "py-1 pr-4" },
              { label: "Problem", className: "py-1" },
            ]}
          />
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.line}-${e.message}`}>
                <td className="py-1 pr-4 tabular-nums">{e.line}</td>
                <td className="py-1 text-red-700">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-emerald-700">Every row was imported.</p>
      )}
      {report.errorsTruncated ? (
        <p className="text-xs text-slate-500">Only the first 1,000 problems are listed.</p>
      ) : null}
    </section>
  );
}
