import { Field, TextInput } from "@/components/ui/field";

/** The password a person chooses (an invitation, a reset), with the rule it must meet. */
export function NewPasswordField({ id, label, error }: { id: string; label: string; error?: string }) {
  return (
    <Field id={id} label={label} hint="At least 10 characters" error={error}>
      <TextInput
        id={id}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        invalid={Boolean(error)}
      />
    </Field>
  );
}
