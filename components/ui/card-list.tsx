import type { ReactNode } from "react";

/**
 * A list drawn as one card whose items are rows divided by a line (assets, search results, notifications).
 * `ordered` when the order means something, as a ranking does.
 */
export function CardList({
  label,
  ordered = false,
  children,
}: {
  label: string;
  ordered?: boolean;
  children: ReactNode;
}) {
  const List = ordered ? "ol" : "ul";
  return (
    <List
      aria-label={label}
      className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
    >
      {children}
    </List>
  );
}
