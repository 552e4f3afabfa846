"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, TextInput, SelectField, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { createPartnerOrgAction } from "@/server/partners/partner-actions";

export function CreatePartnerOrgForm({ tiers }: { tiers: { id: string; name: string }[] }) {
  const { run, pending, error } = useServerAction();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    run(
      () =>
        createPartnerOrgAction({
          name: String(data.get("name") ?? ""),
          tierId: String(data.get("tierId") ?? ""),
          region: String(data.get("region") ?? "") || undefined,
        }),
      { onSuccess: () => form.reset() },
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-4"
      noValidate
      aria-label="Add a partner organisation"
    >
      <Field id="org-name" label="Organisation">
        <TextInput id="org-name" name="name" />
      </Field>
      <SelectField id="org-tier" label="Tier" name="tierId" options={choicesOf(tiers)} />
      <Field id="org-region" label="Region (optional)">
        <TextInput id="org-region" name="region" />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          Add organisation
        </Button>
      </div>
      <FormError message={error} className="sm:col-span-4" />
    </form>
  );
}
