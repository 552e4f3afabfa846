"use client";

import { useState, type FormEvent } from "react";
import { FormError, TextField, formFields } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { requestPasswordResetAction } from "@/server/auth/password-reset-actions";
import { AuthSubmitButton } from "./auth-submit-button";

/** Asks for a reset link. The answer is the same whether or not an account uses the address. */
export function ForgotPasswordForm({ linkMinutes }: { linkMinutes: number }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<string>();
  const field = formFields("reset", fieldErrors);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setPending(true);
    setError(undefined);
    const result = await requestPasswordResetAction({ email });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    setFieldErrors({});
    setSentTo(email);
  }

  if (sentTo) {
    return (
      <div className="space-y-3">
        <h1 className="text-lg font-semibold">Check your email</h1>
        <p role="status" className="text-sm text-slate-700">
          If a Baton account uses {sentTo}, we have sent it a link to choose a new password. The link works
          once, within {linkMinutes} minutes.
        </p>
        <a href="/signin" className="text-sm text-brand-700 underline">
          Back to sign in
        </a>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">Reset your password</h1>
      <p className="text-sm text-slate-600">
        Enter the email you sign in with and we will send you a link to choose a new password.
      </p>
      <FormError message={error && !fieldErrors.email ? error : undefined} />
      <TextField {...field("email")} label="Email" type="email" autoComplete="username" required />
      <AuthSubmitButton pending={pending} idle="Send reset link" busy="Sending…" />
      <a href="/signin" className="block text-center text-sm text-brand-700 underline">
        Back to sign in
      </a>
    </form>
  );
}
