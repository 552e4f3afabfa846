import type { ReactNode } from "react";

/** The frame of the pages used without a session: invitations and password resets. */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center text-3xl font-bold tracking-tight text-brand-700">Baton</p>
        <div className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">{children}</div>
      </div>
    </main>
  );
}

/** A link from an email (an invitation, a password reset) that still works: what it is for, then its form. */
export function EmailLinkCard({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <AuthCard>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-slate-600">{intro}</p>
      {children}
    </AuthCard>
  );
}

/** A link from an email that no longer works: why, announced, and where to go instead. */
export function SpentEmailLinkCard({
  title,
  reason,
  next,
}: {
  title: string;
  reason: string;
  next: ReactNode;
}) {
  return (
    <AuthCard>
      <h1 className="text-lg font-semibold">{title}</h1>
      <p role="alert" className="text-sm text-red-700">
        {reason}
      </p>
      {next}
    </AuthCard>
  );
}
