import type { Metadata } from "next";
import { EmailLinkCard, SpentEmailLinkCard } from "@/components/auth/auth-card";
import { AcceptInvitationForm } from "@/components/partners/accept-invitation-form";
import { openPage } from "@/server/auth/require-page";
import { inspectInvitation, invitationMessages } from "@/server/partners/partner-invitations";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await openPage();
  const invitation = await inspectInvitation(db, token);
  return invitation.state === "open" ? (
    <EmailLinkCard
      title={`Join ${invitation.orgName}`}
      intro={`${invitation.workspaceName} shares its sales content with ${invitation.orgName} here. Choose your name and password for ${invitation.email}.`}
    >
      <AcceptInvitationForm token={token} email={invitation.email} />
    </EmailLinkCard>
  ) : (
    <SpentEmailLinkCard
      title="This invitation cannot be used"
      reason={invitationMessages[invitation.state]}
      next={
        <a href="/signin" className="text-sm text-brand-700 underline">
          Go to sign in
        </a>
      }
    />
  );
}
