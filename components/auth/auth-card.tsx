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

/**
 * The page a link from an email opens (an invitation, a password reset): what it is for and its form, or,
 * once the link is `spent`, why (announced) and where to go instead.
 */
export function EmailLinkCard({
  title,
  note,
  spent = false,
  children,
}: {
  title: string;
  note: ReactNode;
  spent?: boolean;
  children: ReactNode;
}) {
  return (
    <AuthCard>
      <h1 className="text-lg font-semibold">{title}</h1>
      {spent ? (
        <p role="alert" className="text-sm text-red-700">
          {note}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{note}</p>
      )}
      {children}
    </AuthCard>
  );
}
