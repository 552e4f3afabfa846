import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDate } from "@/lib/format";
import { requirePage } from "@/server/auth/require-page";
import { ENGAGEMENT_DAYS, partnerEngagement } from "@/server/partners/partner-engagement";

export const metadata = { title: "Partner engagement" };

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2 tabular-nums";

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
          <Card title="By tier">
            <ScrollRegion label="Engagement by tier">
              <table className="min-w-full text-sm" aria-label="Engagement by tier">
                <thead>
                  <tr>
                    {["Tier", "Orgs engaged", "Views", "Downloads", "Usages", "Won", "Lost"].map((h) => (
                      <th key={h} scope="col" className={th}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {tiers.map((t) => (
                    <tr key={t.tierName}>
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {t.tierName}
                      </th>
                      <td className={td}>
                        {t.engagedOrgs} of {t.orgs}
                      </td>
                      <td className={td}>{t.views}</td>
                      <td className={td}>{t.downloads}</td>
                      <td className={td}>{t.usages}</td>
                      <td className={td}>{t.wonDeals}</td>
                      <td className={td}>{t.lostDeals}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
          <Card title="By organisation">
            <ScrollRegion label="Engagement by organisation">
              <table className="min-w-full text-sm" aria-label="Engagement by organisation">
                <thead>
                  <tr>
                    {["Organisation", "Tier", "Views", "Downloads", "Usages", "Open", "Won", "Lost"].map(
                      (h) => (
                        <th key={h} scope="col" className={th}>
                          {h}
                        </th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {orgs.map((o) => (
                    <tr key={o.id} className={o.active ? "" : "text-slate-400"}>
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {o.name}
                        {o.active ? null : " (deactivated)"}
                      </th>
                      <td className="px-3 py-2">{o.tierName}</td>
                      <td className={td}>{o.views}</td>
                      <td className={td}>{o.downloads}</td>
                      <td className={td}>{o.usages}</td>
                      <td className={td}>{o.openDeals}</td>
                      <td className={td}>{o.wonDeals}</td>
                      <td className={td}>{o.lostDeals}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </Card>
        </div>
      )}
    </>
  );
}
