"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { acceptInvitationAction } from "@/server/partners/invitation-actions";

/** Sets the new partner user's name and password, then signs them straight in. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    setPending(true);
    const result = await acceptInvitationAction({ token, name: String(data.get("name") ?? ""), password });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
    // A full page load, so the new session cookie is read by the server-rendered layout.
    const next = signedIn?.ok && !signedIn.error ? "/library" : "/signin";
    window.location.assign(next);
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="invite-name" label="Your name" error={fieldErrors.name?.[0]}>
        <TextInput
          id="invite-name"
          name="name"
          autoComplete="name"
          required
          invalid={Boolean(fieldErrors.name)}
        />
      </Field>
      <NewPasswordField id="invite-password" label="Password" error={fieldErrors.password?.[0]} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Join and sign in"}
      </Button>
    </form>
  );
}
