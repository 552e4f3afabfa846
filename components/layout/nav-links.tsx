"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** A count of things waiting for the user; shown as a pill when above zero. */
  badge?: number;
}

function matches(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The most specific match wins, so /content/attention does not also light up /content.
  const current = items
    .filter((item) => matches(pathname, item.href))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Main" className="flex gap-1">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`inline-flex items-center gap-1.5 rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {item.label}
            {item.badge ? (
              <>
                <span
                  aria-hidden="true"
                  className="rounded-full bg-red-600 px-1.5 text-xs font-semibold tabular-nums text-white"
                >
                  {item.badge}
                </span>
                <span className="sr-only">
                  {` (${item.badge} ${item.badge === 1 ? "item needs" : "items need"} attention)`}
                </span>
              </>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
