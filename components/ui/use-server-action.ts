"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { ActionResult } from "@/server/actions/action-client";

const noFieldErrors: FieldErrors = {};

/**
 * Runs a server action from a client component, the one way: `pending` while it runs; a failure leaves
 * its message in `error` and its per-field messages in `fieldErrors`; a success clears both, calls
 * `onSuccess` with the action's data and refreshes the page's server data (unless `refresh: false`).
 */
export function useServerAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>(noFieldErrors);

  function run<T>(
    action: () => Promise<ActionResult<T>>,
    { onSuccess, refresh = true }: { onSuccess?: (data: T) => void; refresh?: boolean } = {},
  ) {
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? noFieldErrors);
        return;
      }
      setError(undefined);
      setFieldErrors(noFieldErrors);
      onSuccess?.(result.data);
      if (refresh) router.refresh();
    });
  }

  return { run, pending, error, fieldErrors };
}
