"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
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
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const id = `merge-${term.id}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const targetId = String(new FormData(event.currentTarget).get("targetId") ?? "");
    start(async () => {
      const result = await mergeTermAction({ sourceId: term.id, targetId });
      if (result.ok) {
        onDone(`Merged “${term.name}” into “${result.data.targetName}”`);
        router.refresh();
      } else setError(result.fieldErrors?.targetId?.[0] ?? result.error);
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
          <Select id={id} name="targetId" defaultValue="" autoFocus>
            <option value="" disabled>
              Choose a tag…
            </option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
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
