"use client";

import { TextField } from "@/components/ui/field";
import { renameTermAction } from "@/server/taxonomy/taxonomy-actions";
import { InlineTermForm } from "./inline-term-form";

export function RenameTermForm({
  term,
  onDone,
}: {
  term: { id: string; name: string };
  onDone: (message?: string) => void;
}) {
  return (
    <InlineTermForm
      label={`Rename ${term.name}`}
      submit="Save"
      field="name"
      act={(name) => renameTermAction({ termId: term.id, name })}
      done={(renamed) => `Renamed “${term.name}” to “${renamed.name}”`}
      onDone={onDone}
    >
      {(error) => (
        <TextField
          id={`rename-${term.id}`}
          label="New name"
          error={error}
          name="name"
          defaultValue={term.name}
          autoFocus
          autoComplete="off"
        />
      )}
    </InlineTermForm>
  );
}
