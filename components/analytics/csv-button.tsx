"use client";

import { buttonClass } from "@/components/ui/button";
import { toCsv } from "@/lib/analytics/display";

/** Downloads the table exactly as shown (same cell text) as a CSV file. */
export function CsvButton({
  filename,
  header,
  rows,
}: {
  filename: string;
  header: string[];
  rows: string[][];
}) {
  const download = () => {
    const blob = new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  };
  return (
    <button type="button" onClick={download} className={buttonClass("secondary", "px-2 py-1 text-xs")}>
      Export CSV
    </button>
  );
}
