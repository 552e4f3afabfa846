"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { sendDueDigestsAction } from "@/server/notifications/notification-actions";

/** Sends every pending digest of the workspace now instead of at each person's daily or weekly time. */
export function SendDigestsButton() {
  const { run, pending, error } = useServerAction();
  const [sent, setSent] = useState<string>();
  const message = error ?? sent;
  return (
    <span className="flex items-center gap-3">
      {message ? (
        <span role="status" className="text-sm text-slate-600">
          {message}
        </span>
      ) : null}
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          run(() => sendDueDigestsAction({}), {
            onSuccess: ({ digests }) =>
              setSent(
                digests === 0
                  ? "No digests were pending"
                  : `${digests} ${digests === 1 ? "digest" : "digests"} written`,
              ),
          })
        }
      >
        Send pending digests now
      </Button>
    </span>
  );
}
