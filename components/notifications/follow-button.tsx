"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
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
  const router = useRouter();
  const [following, setFollowing] = useState(initial);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex items-center gap-1">
      <Button
        variant={following ? "primary" : "secondary"}
        className={compact ? "px-2 py-1 text-xs" : ""}
        aria-pressed={following}
        aria-label={`Follow ${name}`}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await followAction({ target, following: !following });
            if (!r.ok) return setError(r.error);
            setFollowing(r.data.following);
            setError(undefined);
            router.refresh();
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
