import { FieldError } from "./field";

/** A labelled group of checkboxes that submit under one name (an uncontrolled form field). */
export function CheckboxGroup({
  legend,
  name,
  options,
  selected,
  error,
}: {
  legend: string;
  name: string;
  options: { id: string; name: string }[];
  selected: string[];
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.id} defaultChecked={selected.includes(o.id)} />
            {o.name}
          </label>
        ))}
      </div>
      <FieldError message={error} className="mt-1" />
    </fieldset>
  );
}
