"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { taxonomyKindLabels, type TaxonomyKind } from "@/lib/taxonomy";
import { createTermAction } from "@/server/taxonomy/taxonomy-actions";

export function AddTermForm({ kind, announce }: { kind: TaxonomyKind; announce: (text: string) => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const one = taxonomyKindLabels[kind].one.toLowerCase();
  const id = `new-${kind}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    start(async () => {
      const result = await createTermAction({ kind, name });
      if (result.ok) {
        setError(undefined);
        form.reset();
        announce(`Added “${name.trim()}”`);
        router.refresh();
      } else setError(result.fieldErrors?.name?.[0] ?? result.error);
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
