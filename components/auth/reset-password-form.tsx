"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { NewPasswordField } from "./new-password-field";
import type { FieldErrors } from "@/lib/errors";
import { resetPasswordAction } from "@/server/auth/password-reset-actions";

/** Sets the new password from a reset link, then signs in with it in this browser. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    const result = await resetPasswordAction({ token, password });
    if (!result.ok) {
      setPending(false);
      setError(result.fieldErrors?.password ? undefined : result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
    // A full page load, so the new session cookie is read by the server-rendered layout.
    window.location.assign(signedIn?.ok && !signedIn.error ? "/" : "/signin");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} className="rounded-md bg-red-50 px-3 py-2 text-red-700" />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField id="new-password" label="New password" error={fieldErrors.password?.[0]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
