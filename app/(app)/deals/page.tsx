import Link from "next/link";
import { z } from "zod";
import { DealFilters } from "@/components/deals/deal-filters";
import { DealStatusBadge } from "@/components/deals/deal-status-badge";
import { NewDealForm } from "@/components/deals/new-deal-form";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";
import { formatMoney } from "@/lib/format";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { listDeals } from "@/server/deals/deal-queries";
import { listStages } from "@/server/workspaces/stage-queries";
import { dealsArePersonal } from "@/server/authz/rules";

export const metadata = { title: "Deals" };

const empty = (v: unknown) => (v === "" ? undefined : v);
const params = z.object({
  scope: z.enum(["mine", "team", "all"]).catch("mine"),
  status: z.preprocess(empty, z.enum(["open", "won", "lost"]).optional()).catch(undefined),
  stageId: z.preprocess(empty, z.uuid().optional()).catch(undefined),
  q: z.preprocess(empty, z.string().trim().max(200).optional()).catch(undefined),
});

export default async function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { actor, db } = await requirePage("deals.read");
  const filters = params.parse(await searchParams);
  const [rows, stages] = await Promise.all([
    listDeals(db, actor, filters),
    listStages(db, actor.workspaceId),
  ]);
  return (
    <>
      <PageHeader
        title="Deals"
        description="Open a deal to see the content for its stage and log what you used."
        actions={
          actorCan(actor, "deals.write") ? (
            <>
              <ButtonLink href="/deals/import" variant="secondary">
                Import from CRM
              </ButtonLink>
              <NewDealForm stages={stages} />
            </>
          ) : null
        }
      />
      <DealFilters stages={stages} values={filters} showScope={dealsArePersonal(actor)} />
      {rows.length === 0 ? (
        <EmptyState title="No deals match">
          Change the filters above, create a deal, or import your deals from your CRM.
        </EmptyState>
      ) : (
        <div className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          {/* Below 768 px each row is a card (deal and account on top, the rest on one line); the headers stay for screen readers. */}
          <table className="block w-full text-sm md:table md:min-w-full md:divide-y md:divide-slate-200">
            <TableHead
              className="sr-only bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 md:not-sr-only md:table-header-group"
              cellClassName="px-4 py-2"
              columns={[
                "Deal",
                "Stage",
                "Status",
                { label: "Amount", className: "px-4 py-2 text-right" },
                "Owner",
              ]}
            />
            <tbody className="block divide-y divide-slate-100 md:table-row-group">
              {rows.map((d) => (
                <tr
                  key={d.id}
                  className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 md:table-row md:p-0"
                >
                  <td className="block w-full md:table-cell md:w-auto md:px-4 md:py-2">
                    <Link
                      href={`/deals/${d.id}`}
                      className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                    >
                      {d.name}
                    </Link>
                    <div className="text-xs text-slate-500">{d.accountName}</div>
                  </td>
                  <td className="block md:table-cell md:px-4 md:py-2">{d.stageName}</td>
                  <td className="block md:table-cell md:px-4 md:py-2">
                    <DealStatusBadge status={d.status} />
                  </td>
                  <td className="block tabular-nums md:table-cell md:px-4 md:py-2 md:text-right">
                    {formatMoney(d.amountMinor, d.currency)}
                  </td>
                  <td className="block text-slate-600 md:table-cell md:px-4 md:py-2 md:text-slate-900">
                    {d.ownerName}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
