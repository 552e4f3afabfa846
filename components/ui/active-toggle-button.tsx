import { VerbButton } from "./button";

/** Deactivates or reactivates something named (a person, an organisation); its name is in the label. */
export function ActiveToggleButton({
  active,
  name,
  disabled,
  onToggle,
}: {
  active: boolean;
  name: string;
  disabled?: boolean;
  onToggle: () => void;
}) {
  return (
    <VerbButton
      verb={active ? "Deactivate" : "Reactivate"}
      object={name}
      variant={active ? "danger" : "secondary"}
      disabled={disabled}
      onClick={onToggle}
    />
  );
}
