"use client";

import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { voteRequestAction } from "@/server/requests/request-actions";

/** "Me too": adds the viewer's vote; shows the count either way. */
export function VoteButton({
  id,
  title,
  votes,
  voted,
  open,
}: {
  id: string;
  title: string;
  votes: number;
  voted: boolean;
  open: boolean;
}) {
  const { run, pending, error } = useServerAction();
  const count = (
    <span className="text-xs text-slate-600" data-testid="vote-count">
      {votes} {votes === 1 ? "person wants" : "people want"} this
    </span>
  );
  if (voted || !open) return count;
  return (
    <span className="flex items-center gap-2">
      {count}
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`Me too: ${title}`}
        onClick={() => run(() => voteRequestAction({ id }))}
      >
        Me too
      </Button>
      <InlineError message={error} />
    </span>
  );
}
