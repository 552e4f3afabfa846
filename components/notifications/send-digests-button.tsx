"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { sendDueDigestsAction } from "@/server/notifications/notification-actions";

/** Sends every pending digest of the workspace now instead of at each person's daily or weekly time. */
export function SendDigestsButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string>();
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
          start(async () => {
            const r = await sendDueDigestsAction({});
            if (!r.ok) return setMessage(r.error);
            setMessage(
              r.data.digests === 0
                ? "No digests were pending"
                : `${r.data.digests} ${r.data.digests === 1 ? "digest" : "digests"} written`,
            );
            router.refresh();
          })
        }
      >
        Send pending digests now
      </Button>
    </span>
  );
}
