"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { mergeTermAction } from "@/server/taxonomy/taxonomy-actions";

export function MergeTermForm({
  term,
  others,
  onDone,
}: {
  term: { id: string; name: string };
  others: { id: string; name: string }[];
  onDone: (message?: string) => void;
}) {
  const { run, pending, error: failure, fieldErrors } = useServerAction();
  const error = fieldErrors.targetId?.[0] ?? failure;
  const id = `merge-${term.id}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const targetId = String(new FormData(event.currentTarget).get("targetId") ?? "");
    run(() => mergeTermAction({ sourceId: term.id, targetId }), {
      onSuccess: (merged) => onDone(`Merged “${term.name}” into “${merged.targetName}”`),
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === "Escape" && onDone()}
      noValidate
      aria-label={`Merge ${term.name}`}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-48 flex-1">
        <Field
          id={id}
          label={`Merge “${term.name}” into`}
          error={error}
          hint="Its assets and deals move to the chosen tag, then it is deleted."
        >
          <Select
            id={id}
            name="targetId"
            defaultValue=""
            autoFocus
            placeholder="Choose a tag…"
            placeholderDisabled
            options={choicesOf(others)}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Merge
      </Button>
      <Button variant="ghost" onClick={() => onDone()}>
        Cancel
      </Button>
    </form>
  );
}
