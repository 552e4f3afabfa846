import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/analytics/data-table";
import { formatDate } from "@/lib/format";
import { requirePage } from "@/server/auth/require-page";
import { ENGAGEMENT_DAYS, partnerEngagement } from "@/server/partners/partner-engagement";

export const metadata = { title: "Partner engagement" };

// The counts both tables show, in order (the tier table has no open-deal count).
const countColumns: Column[] = ["Views", "Downloads", "Usages", "Open", "Won", "Lost"].map((header) => ({
  header,
  numeric: true,
}));
const figure = (n: number) => ({ text: n.toLocaleString("en-US") });

export default async function PartnerEngagementPage() {
  const { actor, db } = await requirePage("partners.manage");
  const { orgs, tiers, disengaged } = await partnerEngagement(db, actor);
  return (
    <>
      <PageHeader
        title="Partner engagement"
        description={`Views, downloads and logged usage in the last ${ENGAGEMENT_DAYS} days; deal outcomes of partner-registered deals.`}
        actions={
          <Link href="/partners" className="text-sm text-brand-700 underline">
            Back to partners
          </Link>
        }
      />
      {orgs.length === 0 ? (
        <EmptyState title="No partner organisations yet">
          Add one on the Partners page and invite its people.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title={`Not engaging (${disengaged.length})`}>
            {disengaged.length ? (
              <ul className="flex flex-wrap gap-2" aria-label="Partners not engaging">
                {disengaged.map((o) => (
                  <li key={o.id}>
                    <Badge tone="amber">
                      {o.name} ·{" "}
                      {o.lastActiveAt ? `last active ${formatDate(o.lastActiveAt)}` : "never active"}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">
                Every active partner used the portal in the last {ENGAGEMENT_DAYS} days.
              </p>
            )}
          </Card>
          <DataTable
            title="Engagement by tier"
            columns={[
              { header: "Tier" },
              { header: "Orgs engaged" },
              ...countColumns.slice(0, 3),
              ...countColumns.slice(4),
            ]}
            rows={tiers.map((t) => ({
              key: t.tierName,
              cells: [
                { text: t.tierName },
                { text: `${t.engagedOrgs} of ${t.orgs}` },
                ...[t.views, t.downloads, t.usages, t.wonDeals, t.lostDeals].map(figure),
              ],
            }))}
            csvName="partner-engagement-by-tier"
            empty="No tiers yet."
          />
          <DataTable
            title="Engagement by organisation"
            columns={[{ header: "Organisation" }, { header: "Tier" }, ...countColumns]}
            rows={orgs.map((o) => ({
              key: o.id,
              cells: [
                { text: o.active ? o.name : `${o.name} (deactivated)` },
                { text: o.tierName },
                ...[o.views, o.downloads, o.usages, o.openDeals, o.wonDeals, o.lostDeals].map(figure),
              ],
            }))}
            csvName="partner-engagement-by-organisation"
            empty="No partner organisations yet."
          />
        </div>
      )}
    </>
  );
}
