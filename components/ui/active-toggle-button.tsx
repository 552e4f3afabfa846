import { Button } from "./button";

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
  const verb = active ? "Deactivate" : "Reactivate";
  return (
    <Button
      variant={active ? "danger" : "secondary"}
      disabled={disabled}
      onClick={onToggle}
      aria-label={`${verb} ${name}`}
    >
      {verb}
    </Button>
  );
}
