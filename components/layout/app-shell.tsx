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
  brand,
  unread,
  children,
}: {
  nav: NavItem[];
  unread: number;
  user: { name: string; email: string; role: Role; org: string | null };
  /** The workspace's name and logo; partners see the portal under it, with their org's name. */
  brand: { name: string; logoUrl: string | null };
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight text-brand-700">
            {brand.logoUrl ? (
              // The customer's own logo, from any host they choose; next/image would need each host listed.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={brand.logoUrl} alt={brand.name} className="h-7 w-auto" />
            ) : null}
            {user.org ? brand.name : "Baton"}
            {user.org ? (
              <span className="text-sm font-medium text-slate-500" data-testid="partner-org">
                partner portal · {user.org}
              </span>
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
