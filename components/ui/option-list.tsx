import type { ReactNode } from "react";

/** The id of a suggestion in an OptionList: what the input's aria-activedescendant names. */
export const optionId = (listId: string, index: number) => `${listId}-${index}`;

/**
 * The suggestions under a text input (people to mention, quick search results): a listbox whose
 * highlighted option the input names with aria-activedescendant. Pressing an option picks it without
 * taking focus from the input.
 */
export function OptionList<T extends { id: string }>({
  id,
  label,
  className,
  options,
  active,
  optionClassName,
  onPick,
  onHover,
  children,
}: {
  id: string;
  label: string;
  className: string;
  options: readonly T[];
  active: number;
  optionClassName: (highlighted: boolean) => string;
  onPick: (option: T) => void;
  onHover?: (index: number) => void;
  children: (option: T) => ReactNode;
}) {
  return (
    <ul id={id} role="listbox" aria-label={label} className={className}>
      {options.map((option, i) => (
        <li
          key={option.id}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          onMouseEnter={onHover ? () => onHover(i) : undefined}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(option);
          }}
          className={optionClassName(i === active)}
        >
          {children(option)}
        </li>
      ))}
    </ul>
  );
}
