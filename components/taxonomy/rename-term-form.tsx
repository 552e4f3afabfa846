"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { renameTermAction } from "@/server/taxonomy/taxonomy-actions";

export function RenameTermForm({
  term,
  onDone,
}: {
  term: { id: string; name: string };
  onDone: (message?: string) => void;
}) {
  const { run, pending, error: failure, fieldErrors } = useServerAction();
  const error = fieldErrors.name?.[0] ?? failure;
  const id = `rename-${term.id}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    run(() => renameTermAction({ termId: term.id, name }), {
      onSuccess: (renamed) => onDone(`Renamed “${term.name}” to “${renamed.name}”`),
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === "Escape" && onDone()}
      noValidate
      aria-label={`Rename ${term.name}`}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-48 flex-1">
        <Field id={id} label="New name" error={error}>
          <TextInput
            id={id}
            name="name"
            defaultValue={term.name}
            autoFocus
            autoComplete="off"
            invalid={Boolean(error)}
          />
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Save
      </Button>
      <Button variant="ghost" onClick={() => onDone()}>
        Cancel
      </Button>
    </form>
  );
}
