/**
 * A column heading: its text, styled by the table's `cellClassName`, or with its own classes (or none) and
 * a `help` that describes it (shown on hover, read after the heading).
 */
export type Column = string | { label: string; className?: string; help?: string };

/**
 * A table's header row, one `<th scope="col">` a column. `className` styles the `<thead>`;
 * `cellClassName` styles every heading given as plain text.
 */
export function TableHead({
  columns,
  className,
  cellClassName,
}: {
  columns: Column[];
  className?: string;
  cellClassName?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {columns.map((column) => {
          const heading: Exclude<Column, string> =
            typeof column === "string" ? { label: column, className: cellClassName } : column;
          return (
            <th key={heading.label} scope="col" title={heading.help} className={heading.className}>
              {heading.label}
              {heading.help ? <span className="sr-only">: {heading.help}</span> : null}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
