"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const tabs = [
  { href: "/analytics", label: "Overview" },
  { href: "/analytics/assets", label: "All assets" },
  { href: "/analytics/plays", label: "Plays" },
  { href: "/analytics/health", label: "Library health" },
  { href: "/analytics/search", label: "Search" },
  { href: "/analytics/what-works", label: "What works by stage" },
];

/** The dashboard's sections; switching keeps the current filters. */
export function AnalyticsTabs() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <nav aria-label="Analytics" className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const active = tab.href === "/analytics" ? pathname === tab.href : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={query ? `${tab.href}?${query}` : tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
