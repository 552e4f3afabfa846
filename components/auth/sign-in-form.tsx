"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { AuthSubmitButton } from "./auth-submit-button";

export function SignInForm({
  callbackUrl,
  ssoProviders,
  initialError,
}: {
  callbackUrl: string;
  ssoProviders: { id: string; name: string }[];
  initialError?: string;
}) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(
      result?.error && result.error !== "CredentialsSignin" ? result.error : "Incorrect email or password.",
    );
  }

  return (
    <div className="space-y-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <h1 className="text-lg font-semibold">Sign in</h1>
        {error ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <Field id="email" label="Email">
          <TextInput id="email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field id="password" label="Password">
          <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <p className="text-right text-sm">
          <a href="/forgot-password" className="text-brand-700 underline">
            Forgot password?
          </a>
        </p>
        <AuthSubmitButton pending={pending} idle="Sign in" busy="Signing in…" />
      </form>
      {ssoProviders.length > 0 ? (
        <div className="space-y-2 border-t border-slate-100 pt-4">
          {ssoProviders.map((p) => (
            <Button
              key={p.id}
              variant="secondary"
              className="w-full"
              onClick={() => signIn(p.id, { callbackUrl })}
            >
              Continue with {p.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
