"use client";

import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { revokeInvitationAction } from "@/server/partners/partner-actions";

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const { run, pending, error } = useServerAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        disabled={pending}
        aria-label={`Withdraw the invitation to ${email}`}
        onClick={() => run(() => revokeInvitationAction({ invitationId }))}
      >
        Withdraw
      </Button>
      <InlineError message={error} />
    </span>
  );
}
