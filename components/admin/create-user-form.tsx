"use client";

import { useState } from "react";
import {
  Field,
  FormError,
  FormSuccess,
  Select,
  TextInput,
  SelectField,
  choicesOf,
} from "@/components/ui/field";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { useServerAction } from "@/components/ui/use-server-action";
import { roleLabels, roles, type Role } from "@/lib/roles";
import { createUserAction } from "@/server/users/user-actions";

export function CreateUserForm({ partnerOrgs }: { partnerOrgs: { id: string; name: string }[] }) {
  const [role, setRole] = useState<Role>("rep");
  const { run, pending, error, fieldErrors } = useServerAction();
  const [created, setCreated] = useState(false);

  const onSubmit = withFormData((data, form) => {
    setCreated(false);
    run(
      () =>
        createUserAction({
          email: String(data.get("email") ?? ""),
          name: String(data.get("name") ?? ""),
          role,
          team: String(data.get("team") ?? "") || undefined,
          partnerOrgId: role === "partner" ? String(data.get("partnerOrgId") ?? "") || undefined : undefined,
          password: String(data.get("password") ?? ""),
        }),
      {
        onSuccess: () => {
          setCreated(true);
          form.reset();
        },
      },
    );
  });

  const fe = (k: string) => fieldErrors[k]?.[0];
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label="Add a user">
      <Field id="user-name" label="Name" error={fe("name")}>
        <TextInput id="user-name" name="name" invalid={Boolean(fe("name"))} />
      </Field>
      <Field id="user-email" label="Email" error={fe("email")}>
        <TextInput id="user-email" name="email" type="email" invalid={Boolean(fe("email"))} />
      </Field>
      <Field id="user-role" label="Role">
        <Select
          id="user-role"
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
        />
      </Field>
      {role === "partner" ? (
        <SelectField
          id="user-org"
          label="Partner organisation"
          error={fe("partnerOrgId")}
          name="partnerOrgId"
          defaultValue=""
          placeholder="Choose…"
          options={choicesOf(partnerOrgs)}
        />
      ) : (
        <Field id="user-team" label="Team (optional)">
          <TextInput id="user-team" name="team" />
        </Field>
      )}
      <Field
        id="user-password"
        label="Temporary password"
        error={fe("password")}
        hint="At least 10 characters"
      >
        <TextInput
          id="user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          invalid={Boolean(fe("password"))}
        />
      </Field>
      <FormButtons submit="Add user" pending={pending} className="flex items-end" />
      <FormSuccess
        message={created ? "User created. Share the temporary password with them securely." : null}
        className="sm:col-span-2"
      />
      <FormError message={error} className="sm:col-span-2" />
    </form>
  );
}
