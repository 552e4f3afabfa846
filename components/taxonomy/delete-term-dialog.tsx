"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, RadioChoices, Select, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { deleteTermAction } from "@/server/taxonomy/taxonomy-actions";
import { countOf } from "./term-usage";

const inUseChoices = [
  { value: "remove", label: "Remove it from them" },
  { value: "merge", label: "Merge into another tag" },
] as const;

/** Asks what happens to the assets and deals that carry a term before deleting it. */
export function DeleteTermDialog({
  term,
  others,
  onClose,
}: {
  term: { id: string; name: string; assetCount: number; dealCount: number };
  others: { id: string; name: string }[];
  onClose: (message?: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<"remove" | "merge">("remove");
  const { run, pending, error: failure, fieldErrors } = useServerAction();
  const error = fieldErrors.targetId?.[0] ?? failure;
  const titleId = `delete-title-${term.id}`;
  const descId = `delete-desc-${term.id}`;

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const targetId = String(new FormData(event.currentTarget).get("targetId") ?? "") || undefined;
    run(() => deleteTermAction({ termId: term.id, inUse: choice, targetId }), {
      onSuccess: (deleted) =>
        onClose(
          deleted.mergedInto
            ? `Merged “${term.name}” into “${deleted.mergedInto}”`
            : `Deleted “${term.name}”`,
        ),
    });
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4 p-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          Delete “{term.name}”?
        </h2>
        <p id={descId} className="text-sm text-slate-600">
          It is used by {countOf(term.assetCount, "asset")} and {countOf(term.dealCount, "deal")}. What should
          happen to them?
        </p>
        <fieldset className="space-y-3 text-sm">
          <legend className="sr-only">What to do with the assets and deals</legend>
          <RadioChoices
            name="inUse"
            choices={inUseChoices.map((c) => ({
              ...c,
              disabled: c.value === "merge" && others.length === 0,
            }))}
            value={choice}
            onChoose={setChoice}
          />
          {choice === "merge" ? (
            <div className="pl-6">
              <label htmlFor={`delete-target-${term.id}`} className="sr-only">
                Tag to merge into
              </label>
              <Select
                id={`delete-target-${term.id}`}
                name="targetId"
                defaultValue=""
                placeholder="Choose a tag…"
                placeholderDisabled
                options={choicesOf(others)}
              />
            </div>
          ) : null}
        </fieldset>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onClose()}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {choice === "merge" ? "Merge and delete" : "Remove and delete"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
