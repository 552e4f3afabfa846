import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FieldErrors } from "@/lib/errors";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm pointer-coarse:min-h-11 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

/** What names a form control and speaks for it: its id, label, error message and hint. */
type FieldFrame = { id: string; label: string; error?: string; hint?: string };

/** A labelled form control with its error message wired to aria-describedby. */
export function Field({ id, label, error, hint, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextInput({
  invalid,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      className={inputClass}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${props.id}-error` : undefined}
      {...props}
    />
  );
}

/**
 * A form's controls named once: `field("email")` gives the control's id (`${form}-email`, which its label
 * points at), the name the form submits it under and the first error the action answered for that name.
 */
export const formFields =
  (form: string, errors: FieldErrors) =>
  (name: string): { id: string; name: string; error?: string } => ({
    id: `${form}-${name}`,
    name,
    error: errors[name]?.[0],
  });

/**
 * A labelled TextInput with its error message and hint: the text-field shape every form repeats. An error
 * marks the input invalid and is wired to it (aria-describedby), as SelectField does.
 */
export function TextField({ label, error, hint, ...input }: Parameters<typeof TextInput>[0] & FieldFrame) {
  return (
    <Field id={input.id} label={label} error={error} hint={hint}>
      <TextInput invalid={Boolean(error)} {...input} />
    </Field>
  );
}

/** One choice of a radio group: the button and its text, in a label that selects it. */
export function RadioOption({
  name,
  value,
  checked,
  disabled,
  onChoose,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  onChoose: () => void;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={onChoose}
      />
      {children}
    </label>
  );
}

/**
 * A radio group's options, one RadioOption a choice: the one whose value is `value` is checked, and
 * choosing one calls `onChoose` with its value. The caller draws the group around them.
 */
export function RadioChoices<V extends string>({
  name,
  choices,
  value,
  onChoose,
}: {
  name: string;
  choices: readonly { value: V; label: string; disabled?: boolean }[];
  value: V;
  onChoose: (value: V) => void;
}) {
  return (
    <>
      {choices.map((c) => (
        <RadioOption
          key={c.value}
          name={name}
          value={c.value}
          checked={value === c.value}
          disabled={c.disabled}
          onChoose={() => onChoose(c.value)}
        >
          {c.label}
        </RadioOption>
      ))}
    </>
  );
}

export function TextArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={inputClass} rows={3} {...props} />;
}

/** One choice of a Select: what the form sends and what the person reads. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * A select. Its choices come as `options` (with an optional first `placeholder` choice whose value is
 * empty) or as children for the few that need option groups.
 */
export function Select({
  options,
  placeholder,
  placeholderDisabled,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  options?: readonly Choice[];
  placeholder?: string;
  /** The placeholder shows until a choice is made and cannot be chosen back. */
  placeholderDisabled?: boolean;
}) {
  return (
    <select className={inputClass} {...props}>
      {placeholder !== undefined ? (
        <option value="" disabled={placeholderDisabled}>
          {placeholder}
        </option>
      ) : null}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {children}
    </select>
  );
}

/** A labelled Select with its error message: the select-field shape every form repeats. */
export function SelectField({ label, error, hint, ...select }: Parameters<typeof Select>[0] & FieldFrame) {
  return (
    <Field id={select.id} label={label} error={error} hint={hint}>
      <Select
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${select.id}-error` : undefined}
        {...select}
      />
    </Field>
  );
}

/**
 * A compact select that acts at once, inside a table row or list item, named for screen readers by a
 * label only they read (the row says what it is about).
 */
export function RowSelect({
  id,
  label,
  options,
  placeholder,
  className = "rounded-md border-0 py-1 text-sm ring-1 ring-inset ring-slate-300",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly Choice[];
  placeholder?: string;
}) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select id={id} className={className} {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** Choices from rows with an id and a name (stages, tiers, organisations, people). */
export const choicesOf = (rows: readonly { id: string; name: string }[]): Choice[] =>
  rows.map((r) => ({ value: r.id, label: r.name }));

type MessageProps = { message?: string | null; className?: string };

/** A message read out when it appears, as an alert or a polite status; renders nothing when there is none. */
function Announced({
  role,
  style,
  message,
  className,
}: MessageProps & { role: "alert" | "status"; style: string }) {
  if (!message) return null;
  return (
    <p role={role} className={className ? `${style} ${className}` : style}>
      {message}
    </p>
  );
}

/** A form's error message, announced to screen readers; renders nothing when there is none. */
export function FormError(props: MessageProps) {
  return <Announced role="alert" style="text-sm text-red-600" {...props} />;
}

/** A row control's error, small and beside it, announced; renders nothing when there is none. */
export function InlineError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <span role="alert" className="text-xs text-red-600">
      {message}
    </span>
  );
}

/** A control's error, small and under it, announced; renders nothing when there is none. */
export function FieldError(props: MessageProps) {
  return <Announced role="alert" style="text-xs text-red-600" {...props} />;
}

/** A form's confirmation after it saved, announced politely; renders nothing when there is none. */
export function FormSuccess(props: MessageProps) {
  return <Announced role="status" style="text-sm text-emerald-700" {...props} />;
}
