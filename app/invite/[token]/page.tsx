import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AcceptInvitationForm } from "@/components/partners/accept-invitation-form";
import { openPage } from "@/server/auth/require-page";
import { inspectInvitation, invitationMessages } from "@/server/partners/partner-invitations";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await openPage();
  const invitation = await inspectInvitation(db, token);
  return (
    <AuthCard>
      {invitation.state === "open" ? (
        <>
          <h1 className="text-lg font-semibold">Join {invitation.orgName}</h1>
          <p className="text-sm text-slate-600">
            {invitation.workspaceName} shares its sales content with {invitation.orgName} here. Choose your
            name and password for {invitation.email}.
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <>
          <h1 className="text-lg font-semibold">This invitation cannot be used</h1>
          <p role="alert" className="text-sm text-red-700">
            {invitationMessages[invitation.state]}
          </p>
          <a href="/signin" className="text-sm text-brand-700 underline">
            Go to sign in
          </a>
        </>
      )}
    </AuthCard>
  );
}
