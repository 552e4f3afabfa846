import type { Metadata } from "next";
import { EmailLinkCard } from "@/components/auth/auth-card";
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
      note={`${invitation.workspaceName} shares its sales content with ${invitation.orgName} here. Choose your name and password for ${invitation.email}.`}
    >
      <AcceptInvitationForm token={token} email={invitation.email} />
    </EmailLinkCard>
  ) : (
    <EmailLinkCard spent title="This invitation cannot be used" note={invitationMessages[invitation.state]}>
      <a href="/signin" className="text-sm text-brand-700 underline">
        Go to sign in
      </a>
    </EmailLinkCard>
  );
}
