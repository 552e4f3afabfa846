import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { enabledSsoProviders } from "@/server/auth/auth-options";
import { getActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  if (await getActor()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-3xl font-bold tracking-tight text-brand-700">Baton</p>
          <p className="mt-1 text-sm text-slate-500">The right content for every deal stage</p>
        </div>
        <SignInForm
          callbackUrl={safeCallback}
          ssoProviders={enabledSsoProviders()}
          initialError={
            error && error !== "CredentialsSignin"
              ? error
              : error
                ? "Incorrect email or password."
                : undefined
          }
        />
      </div>
    </main>
  );
}
