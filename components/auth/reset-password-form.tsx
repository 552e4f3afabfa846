"use client";

import type { FormEvent } from "react";
import { AuthSubmitButton } from "./auth-submit-button";
import { FormError } from "@/components/ui/field";
import { NewPasswordField } from "./new-password-field";
import { useNewPasswordSignIn } from "./use-new-password-sign-in";
import { resetPasswordAction } from "@/server/auth/password-reset-actions";

/** Sets the new password from a reset link, then signs in with it in this browser. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { submit, pending, error, fieldErrors } = useNewPasswordSignIn("/");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    void submit(password, () => resetPasswordAction({ token, password }));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError
        message={fieldErrors.password ? undefined : error}
        className="rounded-md bg-red-50 px-3 py-2 text-red-700"
      />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordField id="new-password" label="New password" error={fieldErrors.password?.[0]} />
      <AuthSubmitButton pending={pending} idle="Set password and sign in" busy="Saving…" />
    </form>
  );
}
