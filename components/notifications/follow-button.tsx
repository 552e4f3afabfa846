"use client";

import { useState } from "react";
import { InlineError } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import type { FollowTarget } from "@/lib/schemas/notifications";
import { followAction } from "@/server/notifications/notification-actions";

/** A toggle that follows (or stops following) a stage, tag, asset type or asset. */
export function FollowButton({
  target,
  following: initial,
  name,
  compact = false,
}: {
  target: FollowTarget;
  following: boolean;
  name: string;
  compact?: boolean;
}) {
  const [following, setFollowing] = useState(initial);
  const { run, pending, error } = useServerAction();
  return (
    <span className="inline-flex items-center gap-1">
      <Button
        variant={following ? "primary" : "secondary"}
        className={compact ? "px-2 py-1 text-xs" : ""}
        aria-pressed={following}
        disabled={pending}
        onClick={() =>
          run(() => followAction({ target, following: !following }), {
            onSuccess: (data) => setFollowing(data.following),
          })
        }
      >
        {/* The words stay "Follow" whatever the state, so the button's name ("Follow Negotiation") is its
            visible text followed by what it follows; aria-pressed and the check mark tell the state. */}
        {following ? (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mr-1 h-4 w-4 fill-current">
            <path d="M7.7 13.3 4.4 10l-1.1 1.1 4.4 4.4 9.4-9.4-1.1-1.1z" />
          </svg>
        ) : null}
        Follow
        <span className="sr-only"> {name}</span>
      </Button>
      <InlineError message={error} />
    </span>
  );
}
