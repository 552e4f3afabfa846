"use client";

import { groupNavItems, NavLink, useCurrentHref, type NavItem } from "./nav-item";
import { NavMenu } from "./nav-menu";

export type { NavItem };

/** The desktop navigation: plain links for a short list, Content/Deals/Insights/Admin menus for a long one. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const current = useCurrentHref(items);
  return (
    <nav aria-label="Main" className="hidden items-center gap-1 xl:flex">
      {groupNavItems(items).map((entry) =>
        entry.kind === "link" ? (
          <NavLink key={entry.item.href} item={entry.item} current={current} />
        ) : (
          <NavMenu key={entry.label} label={entry.label} items={entry.items} current={current} />
        ),
      )}
    </nav>
  );
}
