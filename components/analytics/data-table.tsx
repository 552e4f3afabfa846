import Link from "next/link";
import type { ReactNode } from "react";
import { Card, EmptyState } from "@/components/ui/card";
import { ScrollTable } from "@/components/ui/scroll-table";
import { CsvButton } from "./csv-button";

export interface Column {
  header: string;
  /** Shown as the column header's description (title and screen-reader text). */
  help?: string;
  numeric?: boolean;
}

export interface Cell {
  text: string;
  href?: string;
  /**
   * What a link's figure counts (e.g. "Deals behind the lift of X" for "+12.0 pts"): its accessible name
   * is the figure followed by this, so the name starts with what is seen and the cell's text stays the
   * figure alone, as the CSV export has it.
   */
  label?: string;
}

/** A titled table whose CSV export carries the same cell text as the screen. */
export function DataTable({
  title,
  columns,
  rows,
  csvName,
  empty,
  footer,
  testId,
}: {
  title: string;
  columns: Column[];
  rows: { key: string; cells: Cell[] }[];
  csvName: string;
  empty: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      title={title}
      actions={
        rows.length ? (
          <CsvButton
            filename={csvName}
            header={columns.map((c) => c.header)}
            rows={rows.map((r) => r.cells.map((c) => c.text))}
          />
        ) : null
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="Nothing to show">{empty}</EmptyState>
      ) : (
        <ScrollTable
          label={title}
          className="-m-4"
          tableClassName="divide-y divide-slate-200 text-sm"
          testId={testId}
          caption={title}
          headClassName="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
          columns={columns.map((c) => ({
            label: c.header,
            help: c.help,
            className: `px-3 py-2 ${c.numeric ? "text-right" : ""}`,
          }))}
        >
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((cell, i) => (
                <td
                  key={columns[i]!.header}
                  className={`px-3 py-2 ${columns[i]!.numeric ? "text-right tabular-nums" : ""}`}
                >
                  {cell.href ? (
                    <Link
                      href={cell.href}
                      aria-label={cell.label ? `${cell.text}: ${cell.label}` : undefined}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {cell.text}
                    </Link>
                  ) : (
                    cell.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </ScrollTable>
      )}
      {footer ? <div className="mt-6 text-xs text-slate-500">{footer}</div> : null}
    </Card>
  );
}
