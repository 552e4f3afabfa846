import { CreatePartnerOrgForm } from "@/components/partners/create-partner-org-form";
import { InvitePartnerForm } from "@/components/partners/invite-partner-form";
import { PartnerOrgControls } from "@/components/partners/partner-org-controls";
import { RevokeInvitationButton } from "@/components/partners/revoke-invitation-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { requirePage } from "@/server/auth/require-page";
import { listOpenInvitations } from "@/server/partners/partner-invitations";
import { listPartnerOrgDetails } from "@/server/partners/partner-orgs";
import { listTiers } from "@/server/partners/partner-tiers";

export const metadata = { title: "Partners" };

export default async function PartnersPage() {
  const { actor, db } = await requirePage("partners.manage");
  const [orgs, tiers, invitations] = await Promise.all([
    listPartnerOrgDetails(db, actor),
    listTiers(db, actor),
    listOpenInvitations(db, actor),
  ]);
  return (
    <>
      <PageHeader
        title="Partners"
        description="Partner organisations, their tiers and regions, and the people invited to the partner portal."
        actions={
          <ButtonLink href="/partners/engagement" variant="secondary">
            Engagement
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card title="Add a partner organisation">
          <CreatePartnerOrgForm tiers={tiers} />
        </Card>
        {orgs.length === 0 ? (
          <EmptyState title="No partner organisations yet">
            Add one above, then invite its people by email.
          </EmptyState>
        ) : null}
        {orgs.map((org) => {
          const pending = invitations.filter((i) => i.partnerOrgId === org.id);
          return (
            <Card
              key={org.id}
              title={
                <span className="flex items-center gap-2">
                  {org.name}
                  <Badge>{org.tierName}</Badge>
                  {org.active ? null : <Badge tone="red">Deactivated</Badge>}
                </span>
              }
              actions={<PartnerOrgControls org={org} tiers={tiers} />}
            >
              <section aria-label={org.name} className="space-y-4">
                <p className="text-sm text-slate-600">
                  {org.region ?? "All regions"} · {org.members} {org.members === 1 ? "user" : "users"}
                </p>
                {pending.length ? (
                  <ul
                    className="divide-y divide-slate-100 text-sm"
                    aria-label={`Open invitations for ${org.name}`}
                  >
                    {pending.map((i) => (
                      <li key={i.id} className="flex items-center justify-between py-1">
                        <span>
                          {i.email}{" "}
                          <span className="text-xs text-slate-500">
                            {i.expired ? "expired" : `expires ${formatDate(i.expiresAt)}`}
                          </span>
                        </span>
                        <RevokeInvitationButton invitationId={i.id} email={i.email} />
                      </li>
                    ))}
                  </ul>
                ) : null}
                {org.active ? (
                  <InvitePartnerForm org={org} />
                ) : (
                  <p className="text-sm text-slate-500">Reactivate the organisation to invite people.</p>
                )}
              </section>
            </Card>
          );
        })}
      </div>
    </>
  );
}
