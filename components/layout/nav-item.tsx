"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** The menu the item sits in when the navigation is grouped (Content, Deals, Insights, Admin). */
  group?: string;
  /** A count of things waiting for the user; shown as a pill when above zero. */
  badge?: number;
}

function matches(pathname: string, href: string) {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The most specific match wins, so /content/attention does not also light up /content. */
export function useCurrentHref(items: NavItem[]) {
  const pathname = usePathname();
  return items.filter((item) => matches(pathname, item.href)).sort((a, b) => b.href.length - a.href.length)[0]
    ?.href;
}

export type NavEntry = { kind: "link"; item: NavItem } | { kind: "group"; label: string; items: NavItem[] };

/** Up to this many entries fit on one line at 1280 px as plain links; more are grouped into menus. */
const MAX_FLAT_ITEMS = 7;

/**
 * The header's items in display order, each a plain link or a named group of links. A short list stays
 * flat, whatever its items' groups.
 */
export function groupNavItems(items: NavItem[]): NavEntry[] {
  if (items.length <= MAX_FLAT_ITEMS) return items.map((item) => ({ kind: "link", item }));
  const entries: NavEntry[] = [];
  for (const item of items) {
    const existing = item.group
      ? entries.find((e) => e.kind === "group" && e.label === item.group)
      : undefined;
    if (existing?.kind === "group") existing.items.push(item);
    else if (item.group) entries.push({ kind: "group", label: item.group, items: [item] });
    else entries.push({ kind: "link", item });
  }
  // A group of one is just a link under its own name.
  return entries.map((e) =>
    e.kind === "group" && e.items.length === 1 ? { kind: "link", item: e.items[0]! } : e,
  );
}

export function NavBadge({ count }: { count?: number }) {
  if (!count) return null;
  return (
    <>
      <span
        aria-hidden="true"
        className="rounded-full bg-red-600 px-1.5 text-xs font-semibold tabular-nums text-white"
      >
        {count}
      </span>
      <span className="sr-only">{` (${count} ${count === 1 ? "item needs" : "items need"} attention)`}</span>
    </>
  );
}

export function NavLink({
  item,
  current,
  onNavigate,
}: {
  item: NavItem;
  current?: string;
  onNavigate?: () => void;
}) {
  const active = item.href === current;
  return (
    <Link
      href={item.href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={`inline-flex min-h-11 items-center gap-1.5 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600 xl:min-h-0 ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {item.label}
      <NavBadge count={item.badge} />
    </Link>
  );
}
