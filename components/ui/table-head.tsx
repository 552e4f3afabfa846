/** A column heading: its text, styled by the table's `cellClassName`, or with its own classes (or none). */
export type Column = string | { label: string; className?: string };

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
          const { label, className: cell } =
            typeof column === "string" ? { label: column, className: cellClassName } : column;
          return (
            <th key={label} scope="col" className={cell}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
