import Link from "next/link";
import type { ReactNode } from "react";
import { roleLabels, type Role } from "@/lib/roles";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { QuickSearch } from "@/components/search/quick-search";
import { MobileMenu } from "./mobile-menu";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

function SignedInAs({ user, testId }: { user: { name: string; role: Role }; testId?: string }) {
  return (
    <span className="min-w-0 leading-tight">
      <span className="block truncate font-medium text-slate-900" data-testid={testId}>
        {user.name}
      </span>
      <span className="block text-xs text-slate-500">{roleLabels[user.role]}</span>
    </span>
  );
}

/**
 * Every signed-in page's frame. From 1280 px the navigation sits in the header (grouped into menus when it
 * is long); below that a Menu button holds it, with the account and sign-out, while search and
 * notifications stay one tap away.
 */
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
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2 xl:gap-6 xl:py-3">
          <Link
            href="/"
            className="flex min-h-11 min-w-0 items-center gap-2 text-lg font-bold tracking-tight text-brand-700"
          >
            {brand.logoUrl ? (
              // The customer's own logo, from any host they choose; next/image would need each host listed.
              // eslint-disable-next-line @next/next/no-img-element
              <img src={brand.logoUrl} alt={brand.name} className="h-7 w-auto" />
            ) : null}
            <span className="truncate">{user.org ? brand.name : "Baton"}</span>
            {user.org ? (
              <span
                className="hidden truncate text-sm font-medium text-slate-500 md:inline"
                data-testid="partner-org"
              >
                partner portal · {user.org}
              </span>
            ) : null}
          </Link>
          <NavLinks items={nav} />
          <div className="ml-auto flex shrink-0 items-center gap-2 text-sm xl:gap-3">
            <QuickSearch />
            <NotificationBell unread={unread} />
            <span className="hidden text-right xl:block">
              <SignedInAs user={user} testId="current-user" />
            </span>
            <span className="hidden xl:block">
              <SignOutButton />
            </span>
            <MobileMenu
              items={nav}
              account={
                <>
                  <SignedInAs user={user} />
                  <SignOutButton />
                </>
              }
            />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:py-8">{children}</main>
    </div>
  );
}
