import type { ReactNode } from "react";
import { Button } from "./button";

/**
 * A form's closing buttons: submit, disabled while its action runs, then Cancel when the form can be
 * closed. With `className` they sit in a box of their own (a grid cell); without, in the form's own row.
 */
export function FormButtons({
  submit,
  pending,
  onCancel,
  className,
}: {
  submit: ReactNode;
  pending: boolean;
  onCancel?: () => void;
  className?: string;
}) {
  const buttons = (
    <>
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
      {onCancel ? (
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      ) : null}
    </>
  );
  return className ? <div className={className}>{buttons}</div> : buttons;
}
