import Link from "next/link";
import type { ReactNode } from "react";
import { roleLabels, type Role } from "@/lib/roles";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { QuickSearch } from "@/components/search/quick-search";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppShell({
  nav,
  user,
  unread,
  children,
}: {
  nav: NavItem[];
  unread: number;
  user: { name: string; email: string; role: Role; org: string | null };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
            Baton
            {user.org ? (
              <span className="ml-2 text-sm font-medium text-slate-500">for {user.org}</span>
            ) : null}
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <QuickSearch />
            <NotificationBell unread={unread} />
            <span className="text-right leading-tight">
              <span className="block font-medium text-slate-900" data-testid="current-user">
                {user.name}
              </span>
              <span className="block text-xs text-slate-500">{roleLabels[user.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
