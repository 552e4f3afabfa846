import type { Metadata } from "next";
import { EmailLinkCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { openPage } from "@/server/auth/require-page";
import { inspectPasswordReset, RESET_MESSAGES } from "@/server/auth/password-reset";

// The token is in the address: never send it on as a Referer.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { db } = await openPage();
  const reset = await inspectPasswordReset(db, token);
  return reset.state === "open" ? (
    <EmailLinkCard
      title="Choose a new password"
      note={`For ${reset.email}. Saving it signs you out everywhere else and revokes your API tokens.`}
    >
      <ResetPasswordForm token={token} email={reset.email} />
    </EmailLinkCard>
  ) : (
    <EmailLinkCard spent title="This reset link cannot be used" note={RESET_MESSAGES[reset.state]}>
      <a href="/forgot-password" className="block text-sm text-brand-700 underline">
        Ask for a new link
      </a>
    </EmailLinkCard>
  );
}
