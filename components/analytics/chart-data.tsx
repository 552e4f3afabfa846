import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TableHead, type Column } from "@/components/ui/table-head";

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
      <ScrollRegion label={`${title}, the numbers`}>
        <table className="mt-1 min-w-full text-left" data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          <TableHead cellClassName="text-right" columns={columns} />
          <tbody>{children}</tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
