"use client";

import { Field, Select, choicesOf } from "@/components/ui/field";
import { mergeTermAction } from "@/server/taxonomy/taxonomy-actions";
import { InlineTermForm } from "./inline-term-form";

export function MergeTermForm({
  term,
  others,
  onDone,
}: {
  term: { id: string; name: string };
  others: { id: string; name: string }[];
  onDone: (message?: string) => void;
}) {
  const id = `merge-${term.id}`;
  return (
    <InlineTermForm
      label={`Merge ${term.name}`}
      submit="Merge"
      field="targetId"
      act={(targetId) => mergeTermAction({ sourceId: term.id, targetId })}
      done={(merged) => `Merged “${term.name}” into “${merged.targetName}”`}
      onDone={onDone}
    >
      {(error) => (
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
      )}
    </InlineTermForm>
  );
}
