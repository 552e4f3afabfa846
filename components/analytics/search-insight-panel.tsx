import { formatDate } from "@/lib/format";
import type { SearchTerm, SearchWeek } from "@/server/analytics/search-insight";
import { DataTable } from "./data-table";
import { TrendChart } from "./trend-chart";
import { Card } from "@/components/ui/card";

const rows = (terms: SearchTerm[]) =>
  terms.map((t) => ({
    key: t.query,
    cells: [
      { text: t.query, href: `/search?q=${encodeURIComponent(t.query)}` },
      { text: String(t.searches) },
      { text: String(t.zeroResults) },
      { text: String(t.noClick) },
      { text: formatDate(t.lastSearchedAt) },
    ],
  }));

const columns = [
  { header: "Search" },
  { header: "Searches", numeric: true },
  {
    header: "No results",
    numeric: true,
    help: "Searches that found nothing: content people want and can't find.",
  },
  {
    header: "No click",
    numeric: true,
    help: "Searches where nobody opened a result: the results did not answer.",
  },
  { header: "Last searched" },
];

export function SearchInsightPanel({
  insight,
}: {
  insight: { top: SearchTerm[]; zeroResult: SearchTerm[]; noClick: SearchTerm[]; weeks: SearchWeek[] };
}) {
  const empty = "No searches in this period yet.";
  return (
    <div className="grid gap-6">
      <Card title="Searches by week">
        <TrendChart
          title="Searches, searches with no results, searches with no click"
          data={insight.weeks.map((w) => ({ ...w }))}
          series={[
            { key: "searches", label: "Searches", color: "#4f46e5" },
            { key: "zeroResults", label: "No results", color: "#dc2626" },
            { key: "noClick", label: "No click", color: "#d97706" },
          ]}
        />
      </Card>
      <div className="grid gap-6 lg:grid-cols-3">
        {[
          { title: "Top searches", csvName: "top-searches.csv", terms: insight.top, empty },
          {
            title: "Content gaps: no results",
            csvName: "zero-result-searches.csv",
            terms: insight.zeroResult,
            empty: "Every search found something.",
          },
          {
            title: "Content gaps: no click",
            csvName: "no-click-searches.csv",
            terms: insight.noClick,
            empty: "Every search that found something got a click.",
          },
        ].map((table) => (
          <DataTable
            key={table.csvName}
            title={table.title}
            csvName={table.csvName}
            columns={columns}
            rows={rows(table.terms.slice(0, 15))}
            empty={table.empty}
          />
        ))}
      </div>
    </div>
  );
}
