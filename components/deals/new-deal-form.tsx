"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { Field, FormError, TextInput, SelectField, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { createDealAction } from "@/server/deals/deal-actions";

export function NewDealForm({ stages }: { stages: { id: string; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { run, pending, error, fieldErrors } = useServerAction();

  if (!open) return <Button onClick={() => setOpen(true)}>New deal</Button>;

  const onSubmit = withFormData((data) =>
    run(
      () =>
        createDealAction({
          name: String(data.get("name") ?? ""),
          accountName: String(data.get("accountName") ?? ""),
          amount: Number(data.get("amount") || 0),
          currency: String(data.get("currency") || "USD"),
          stageId: String(data.get("stageId") ?? ""),
        }),
      { refresh: false, onSuccess: (deal) => router.push(`/deals/${deal.id}`) },
    ),
  );

  return (
    <form
      onSubmit={onSubmit}
      className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2"
      noValidate
      aria-label="New deal"
    >
      <Field id="deal-name" label="Deal name" error={fieldErrors.name?.[0]}>
        <TextInput id="deal-name" name="name" invalid={Boolean(fieldErrors.name)} />
      </Field>
      <Field id="deal-account" label="Account" error={fieldErrors.accountName?.[0]}>
        <TextInput id="deal-account" name="accountName" invalid={Boolean(fieldErrors.accountName)} />
      </Field>
      <Field id="deal-amount" label="Amount" error={fieldErrors.amount?.[0]}>
        <TextInput id="deal-amount" name="amount" type="number" min={0} step="0.01" />
      </Field>
      <Field id="deal-currency" label="Currency" error={fieldErrors.currency?.[0]}>
        <TextInput id="deal-currency" name="currency" defaultValue="USD" maxLength={3} />
      </Field>
      <SelectField
        id="deal-stage-new"
        label="Stage"
        error={fieldErrors.stageId?.[0]}
        name="stageId"
        options={choicesOf(stages)}
      />
      <FormButtons
        submit="Create deal"
        pending={pending}
        onCancel={() => setOpen(false)}
        className="flex items-end gap-2"
      />
      <FormError message={error} className="sm:col-span-2" />
    </form>
  );
}
