"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, Select, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { attachPlayAction, completePlayStepAction } from "@/server/plays/play-actions";

/** Pick a play and start running it on the deal. */
export function AttachPlayForm({ dealId, plays }: { dealId: string; plays: { id: string; name: string }[] }) {
  const id = useId();
  const [playId, setPlayId] = useState(plays[0]?.id ?? "");
  const { run, pending, error } = useServerAction();
  if (plays.length === 0) return null;
  return (
    <form
      aria-label="Run a play"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => attachPlayAction({ dealId, playId }));
      }}
    >
      <div className="min-w-48 flex-1 space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Play
        </label>
        <Select
          id={id}
          value={playId}
          onChange={(e) => setPlayId(e.target.value)}
          options={choicesOf(plays)}
        />
      </div>
      <Button type="submit" disabled={pending}>
        Run play
      </Button>
      <FormError message={error} />
    </form>
  );
}

/** Marks a step done; its assets are logged as used on the deal (a second click changes nothing). */
export function CompleteStepButton({
  dealPlayId,
  stepId,
  title,
}: {
  dealPlayId: string;
  stepId: string;
  title: string;
}) {
  const { run, pending, error } = useServerAction();
  return (
    <span className="flex flex-col items-end gap-1">
      <Button
        disabled={pending}
        aria-label={`Mark “${title}” done`}
        onClick={() => run(() => completePlayStepAction({ dealPlayId, stepId }))}
      >
        Mark step done
      </Button>
      <FormError message={error} />
    </span>
  );
}
