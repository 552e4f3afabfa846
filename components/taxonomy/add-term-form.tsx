"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { taxonomyKindLabels, type TaxonomyKind } from "@/lib/taxonomy";
import { createTermAction } from "@/server/taxonomy/taxonomy-actions";

export function AddTermForm({ kind, announce }: { kind: TaxonomyKind; announce: (text: string) => void }) {
  const { run, pending, error: failure, fieldErrors } = useServerAction();
  const error = fieldErrors.name?.[0] ?? failure;
  const one = taxonomyKindLabels[kind].one.toLowerCase();
  const id = `new-${kind}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    run(() => createTermAction({ kind, name }), {
      onSuccess: () => {
        form.reset();
        announce(`Added “${name.trim()}”`);
      },
    });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Add to ${taxonomyKindLabels[kind].many}`}
      className="flex items-end gap-2"
    >
      <div className="flex-1">
        <Field id={id} label={`New ${one}`} error={error}>
          <TextInput id={id} name="name" autoComplete="off" invalid={Boolean(error)} />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Add
      </Button>
    </form>
  );
}
