import type { FormEvent } from "react";

/**
 * An onSubmit handler that keeps the browser from sending the form itself and hands `handle` what was
 * filled in, and the form (to reset it after a success).
 */
export function withFormData(handle: (data: FormData, form: HTMLFormElement) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    handle(new FormData(event.currentTarget), event.currentTarget);
  };
}
