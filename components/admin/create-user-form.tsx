"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { roleLabels, roles, type Role } from "@/lib/roles";
import { createUserAction } from "@/server/users/user-actions";

export function CreateUserForm({ partnerOrgs }: { partnerOrgs: { id: string; name: string }[] }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>("rep");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    start(async () => {
      const result = await createUserAction({
        email: String(data.get("email") ?? ""),
        name: String(data.get("name") ?? ""),
        role,
        team: String(data.get("team") ?? "") || undefined,
        partnerOrgId: role === "partner" ? String(data.get("partnerOrgId") ?? "") || undefined : undefined,
        password: String(data.get("password") ?? ""),
      });
      if (result.ok) {
        setMessage({ ok: true, text: "User created. Share the temporary password with them securely." });
        setFieldErrors({});
        form.reset();
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.error });
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }

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
        <Select id="user-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </Select>
      </Field>
      {role === "partner" ? (
        <Field id="user-org" label="Partner organisation" error={fe("partnerOrgId")}>
          <Select id="user-org" name="partnerOrgId" defaultValue="">
            <option value="">Choose…</option>
            {partnerOrgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
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
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          Add user
        </Button>
      </div>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm sm:col-span-2 ${message.ok ? "text-emerald-700" : "text-red-600"}`}
        >
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
