import type { ReactNode } from "react";

/** A 24 × 24 outline icon drawn in the text colour, hidden from screen readers (its control is named). */
export function LineIcon({ className = "h-5 w-5", children }: { className?: string; children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
    >
      {children}
    </svg>
  );
}
