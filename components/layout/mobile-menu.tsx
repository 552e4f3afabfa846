"use client";

import type { ReactNode } from "react";
import { groupNavItems, NavLink, useCurrentHref, type NavItem } from "./nav-item";
import { useDisclosure } from "./use-disclosure";
import { LineIcon } from "@/components/ui/line-icon";

/**
 * The header's menu below 1280 px: one button opens every navigation entry (grouped under headings as on
 * the desktop) plus `account` (who is signed in, sign out). Escape or a click outside closes it.
 */
export function MobileMenu({ items, account }: { items: NavItem[]; account: ReactNode }) {
  const { open, close, area, panelId, buttonProps } = useDisclosure();
  const current = useCurrentHref(items);
  return (
    <div ref={area} className="xl:hidden">
      <button
        {...buttonProps}
        className="inline-flex h-11 items-center gap-2 rounded-md px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <LineIcon>{open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}</LineIcon>
        Menu
      </button>
      <div
        id={panelId}
        hidden={!open}
        data-open={open}
        className="absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-4rem)] overflow-y-auto border-b border-slate-200 bg-white px-4 pb-4 shadow-lg"
      >
        <nav aria-label="Main" className="grid gap-x-6 sm:grid-cols-2">
          {groupNavItems(items).map((entry) =>
            entry.kind === "link" ? (
              <div key={entry.item.href} className="flex flex-col pt-2">
                <NavLink item={entry.item} current={current} onNavigate={close} />
              </div>
            ) : (
              <section key={entry.label} aria-label={entry.label} className="pt-3">
                <h2 className="px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {entry.label}
                </h2>
                <ul className="flex flex-col">
                  {entry.items.map((item) => (
                    <li key={item.href} className="flex flex-col">
                      <NavLink item={item} current={current} onNavigate={close} />
                    </li>
                  ))}
                </ul>
              </section>
            ),
          )}
        </nav>
        <div className="mt-4 flex items-center justify-between gap-3 border-t border-slate-100 pt-4 text-sm">
          {account}
        </div>
      </div>
    </div>
  );
}
