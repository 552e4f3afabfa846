import { formatDate, formatMoney } from "@/lib/format";
import type { DrillDeal } from "@/server/analytics/drill-down";
import { DataTable } from "./data-table";

/** The closed deals behind a number, each linking to the deal. */
export function DrillDealsTable({ deals, csvName }: { deals: DrillDeal[]; csvName: string }) {
  return (
    <DataTable
      title={`${deals.length} closed deals`}
      csvName={csvName}
      testId="drill-deals"
      columns={[
        { header: "Deal" },
        { header: "Account" },
        { header: "Outcome" },
        { header: "Amount", numeric: true },
        { header: "Closed" },
        { header: "Owner" },
      ]}
      rows={deals.map((d) => ({
        key: d.id,
        cells: [
          { text: d.name, href: `/deals/${d.id}` },
          { text: d.accountName },
          { text: d.status === "won" ? "Won" : "Lost" },
          { text: formatMoney(d.amountMinor, d.currency) },
          { text: formatDate(d.closedAt) },
          { text: d.ownerName },
        ],
      }))}
      empty="No closed deals in this set for the chosen period and filters."
    />
  );
}
