"use client";

import { NavBadge, NavLink, type NavItem } from "./nav-item";
import { useDisclosure } from "./use-disclosure";

/**
 * One group of the desktop navigation as a disclosure: the button opens a list of links below it; Escape,
 * a click elsewhere or moving focus out of the group closes it.
 */
export function NavMenu({ label, items, current }: { label: string; items: NavItem[]; current?: string }) {
  const { open, close, area, panelId, buttonProps } = useDisclosure();
  const badge = items.reduce((sum, item) => sum + (item.badge ?? 0), 0);
  const holdsCurrent = items.some((item) => item.href === current);
  return (
    <div
      ref={area}
      className="relative"
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) close();
      }}
    >
      <button
        {...buttonProps}
        className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600 ${holdsCurrent ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
      >
        {label}
        <NavBadge count={badge} />
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className={`h-4 w-4 transition ${open ? "rotate-180" : ""}`}
        >
          <path d="M5 8l5 5 5-5" fill="none" stroke="currentColor" strokeWidth={1.8} />
        </svg>
      </button>
      <ul
        id={panelId}
        hidden={!open}
        className="absolute left-0 top-full z-40 mt-1 min-w-48 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200"
      >
        {items.map((item) => (
          <li key={item.href} className="flex flex-col">
            <NavLink item={item} current={current} onNavigate={close} />
          </li>
        ))}
      </ul>
    </div>
  );
}
