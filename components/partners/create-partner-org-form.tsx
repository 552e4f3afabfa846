"use client";

import { Field, FormError, TextInput, SelectField, choicesOf } from "@/components/ui/field";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { useServerAction } from "@/components/ui/use-server-action";
import { createPartnerOrgAction } from "@/server/partners/partner-actions";

export function CreatePartnerOrgForm({ tiers }: { tiers: { id: string; name: string }[] }) {
  const { run, pending, error } = useServerAction();
  const onSubmit = withFormData((data, form) =>
    run(
      () =>
        createPartnerOrgAction({
          name: String(data.get("name") ?? ""),
          tierId: String(data.get("tierId") ?? ""),
          region: String(data.get("region") ?? "") || undefined,
        }),
      { onSuccess: () => form.reset() },
    ),
  );
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
      <FormButtons submit="Add organisation" pending={pending} className="flex items-end" />
      <FormError message={error} className="sm:col-span-4" />
    </form>
  );
}
