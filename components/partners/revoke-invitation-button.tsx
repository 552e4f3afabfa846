"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeInvitationAction } from "@/server/partners/partner-actions";

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        disabled={pending}
        aria-label={`Withdraw the invitation to ${email}`}
        onClick={() =>
          start(async () => {
            const result = await revokeInvitationAction({ invitationId });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        Withdraw
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
