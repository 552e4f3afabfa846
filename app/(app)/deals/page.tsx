import Link from "next/link";
import { z } from "zod";
import { DealStatusBadge } from "@/components/deals/deal-status-badge";
import { NewDealForm } from "@/components/deals/new-deal-form";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/format";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";
import { listDeals } from "@/server/deals/deal-queries";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Deals" };

const params = z.object({
  scope: z.enum(["mine", "all"]).catch("mine"),
  status: z.enum(["open", "won", "lost"]).optional().catch(undefined),
});

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageActor("deals.read");
  const { scope, status } = params.parse(await searchParams);
  const db = await getDb();
  const [rows, stages] = await Promise.all([
    listDeals(db, actor, { scope, status }),
    listStages(db, actor.workspaceId),
  ]);
  const tab = (s: "mine" | "all", label: string) => (
    <Link
      href={`/deals?scope=${s}${status ? `&status=${status}` : ""}`}
      aria-current={scope === s ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${scope === s ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Deals"
        description="Open a deal to see the content for its stage and log what you used."
        actions={
          can(actor.role, "deals.write") ? (
            <>
              <Link href="/deals/import" className={buttonClass("secondary")}>
                Import from CRM
              </Link>
              <NewDealForm stages={stages} />
            </>
          ) : null
        }
      />
      {actor.role !== "partner" ? (
        <div className="mb-4 flex gap-2">
          {tab("mine", "My deals")}
          {tab("all", "All deals")}
        </div>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="No deals here yet">
          Deals you own appear here once they are created or imported from your CRM.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Deal
                </th>
                <th scope="col" className="px-4 py-2">
                  Stage
                </th>
                <th scope="col" className="px-4 py-2">
                  Status
                </th>
                <th scope="col" className="px-4 py-2 text-right">
                  Amount
                </th>
                <th scope="col" className="px-4 py-2">
                  Owner
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((d) => (
                <tr key={d.id}>
                  <td className="px-4 py-2">
                    <Link
                      href={`/deals/${d.id}`}
                      className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    >
                      {d.name}
                    </Link>
                    <div className="text-xs text-slate-500">{d.accountName}</div>
                  </td>
                  <td className="px-4 py-2">{d.stageName}</td>
                  <td className="px-4 py-2">
                    <DealStatusBadge status={d.status} />
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatMoney(d.amountMinor, d.currency)}
                  </td>
                  <td className="px-4 py-2">{d.ownerName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
