import { TextField } from "@/components/ui/field";

/** The password a person chooses (an invitation, a reset), with the rule it must meet. */
export function NewPasswordField({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <TextField
      id={id}
      label={label}
      hint="At least 10 characters"
      error={error}
      name="password"
      type="password"
      autoComplete="new-password"
      required
    />
  );
}
