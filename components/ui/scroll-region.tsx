import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroller: on a narrow screen the table scrolls inside it and the page
 * does not. Named and focusable so a keyboard can scroll it. Positioned, because a table's
 * screen-reader-only text is absolutely positioned: without a positioned ancestor inside the scroller it
 * is placed against the page and widens the page (what made the users page scroll sideways at 360 px).
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600 ${className}`}
    >
      {children}
    </div>
  );
}
