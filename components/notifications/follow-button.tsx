"use client";

import { useState } from "react";
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
        aria-label={`Follow ${name}`}
        disabled={pending}
        onClick={() =>
          run(() => followAction({ target, following: !following }), {
            onSuccess: (data) => setFollowing(data.following),
          })
        }
      >
        {following ? "Following" : "Follow"}
        {compact ? null : <span className="sr-only"> {name}</span>}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
