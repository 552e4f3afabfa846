import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";
import { TableHead, type Column } from "./table-head";

/**
 * A full-width table in its own ScrollRegion (so on a phone it scrolls and the page does not): an
 * optional caption, one header row of `columns`, and `children` as the body's rows. The caption is for
 * screen readers unless `captionClassName` shows it.
 */
export function ScrollTable({
  label,
  className,
  tableClassName,
  testId,
  caption,
  captionClassName = "sr-only",
  columns,
  headClassName,
  cellClassName,
  bodyClassName = "divide-y divide-slate-100",
  children,
}: {
  /** The scroller's name, which a keyboard user hears on reaching it. */
  label: string;
  /** The scroller's classes, e.g. a negative margin to reach the edges of the card it sits in. */
  className?: string;
  tableClassName?: string;
  testId?: string;
  caption?: ReactNode;
  captionClassName?: string;
  columns: Column[];
  headClassName?: string;
  cellClassName?: string;
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={label} className={className}>
      <table className={tableClassName ? `min-w-full ${tableClassName}` : "min-w-full"} data-testid={testId}>
        {caption ? <caption className={captionClassName}>{caption}</caption> : null}
        <TableHead className={headClassName} cellClassName={cellClassName} columns={columns} />
        <tbody className={bodyClassName || undefined}>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
