import type { ReactNode } from "react";
import { ScrollTable } from "@/components/ui/scroll-table";
import type { Column } from "@/components/ui/table-head";

/**
 * A chart's numbers as a table under "Show the data", closed until asked for: the first column names
 * the point (week, page), the others are right-aligned figures. `children` are the body's rows.
 */
export function ChartData({
  title,
  columns,
  testId,
  children,
}: {
  title: string;
  columns: Column[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <details className="mt-2 text-xs text-slate-600">
      <summary className="cursor-pointer py-2">Show the data</summary>
      <ScrollTable
        label={`${title}, the numbers`}
        tableClassName="mt-1 text-left"
        testId={testId}
        caption={title}
        cellClassName="text-right"
        columns={columns}
        bodyClassName=""
      >
        {children}
      </ScrollTable>
    </details>
  );
}
