"use client";

import type { FormEvent } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { useNewPasswordSignIn } from "@/components/auth/use-new-password-sign-in";
import { AuthSubmitButton } from "@/components/auth/auth-submit-button";
import { TextField, formFields } from "@/components/ui/field";
import { acceptInvitationAction } from "@/server/partners/invitation-actions";

/** Sets the new partner user's name and password, then signs them straight in. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { submit, pending, error, fieldErrors } = useNewPasswordSignIn("/library");
  const field = formFields("invite", fieldErrors);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    void submit(password, () =>
      acceptInvitationAction({ token, name: String(data.get("name") ?? ""), password }),
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField {...field("name")} label="Your name" autoComplete="name" required />
      <NewPasswordField id="invite-password" label="Password" error={fieldErrors.password?.[0]} />
      <AuthSubmitButton pending={pending} idle="Join and sign in" busy="Joining…" />
    </form>
  );
}
