"use client";

import type { ReactNode } from "react";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { useServerAction } from "@/components/ui/use-server-action";
import type { ActionResult } from "@/server/actions/action-client";

/**
 * A tag's edit in its own row (rename, merge): one field named `field`, then the verb and Cancel; Escape
 * cancels too. Submitting runs `act` with the field's value and closes with the message `done` writes.
 */
export function InlineTermForm<T>({
  label,
  submit,
  field,
  act,
  done,
  onDone,
  children,
}: {
  label: string;
  submit: string;
  field: string;
  act: (value: string) => Promise<ActionResult<T>>;
  done: (result: T) => string;
  onDone: (message?: string) => void;
  /** The field, given the message to show on it: its own error, else the action's. */
  children: (error: string | undefined) => ReactNode;
}) {
  const { run, pending, error, fieldErrors } = useServerAction();
  const onSubmit = withFormData((data) =>
    run(() => act(String(data.get(field) ?? "")), { onSuccess: (result) => onDone(done(result)) }),
  );
  return (
    <form
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === "Escape" && onDone()}
      noValidate
      aria-label={label}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-48 flex-1">{children(fieldErrors[field]?.[0] ?? error)}</div>
      <FormButtons submit={submit} pending={pending} onCancel={() => onDone()} />
    </form>
  );
}
