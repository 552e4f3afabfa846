"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { ActionResult } from "@/server/actions/action-client";

const noFieldErrors: FieldErrors = {};

/**
 * The last step of a reset link and of an invitation: run the action that stores the new password, then
 * sign in with it in this browser and go to `home` (or to the sign-in page if that sign-in fails).
 * `pending` stays on through the redirect so the form cannot be sent twice.
 */
export function useNewPasswordSignIn(home: string) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>(noFieldErrors);

  async function submit(password: string, setPassword: () => Promise<ActionResult<{ email: string }>>) {
    setPending(true);
    const result = await setPassword();
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? noFieldErrors);
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
    // A full page load, so the new session cookie is read by the server-rendered layout.
    window.location.assign(signedIn?.ok && !signedIn.error ? home : "/signin");
  }

  return { submit, pending, error, fieldErrors };
}
