"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { Field, FormError, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { editDealAction } from "@/server/deals/deal-actions";

export function EditDealForm({
  deal,
}: {
  deal: {
    id: string;
    name: string;
    accountName: string;
    amount: number;
    currency: string;
    closeDate: string | null;
  };
}) {
  const [open, setOpen] = useState(false);
  const { run, pending, error, fieldErrors } = useServerAction();
  if (!open) {
    return (
      <Button variant="ghost" onClick={() => setOpen(true)}>
        Edit details
      </Button>
    );
  }
  const onSubmit = withFormData((data) =>
    run(
      () =>
        editDealAction({
          dealId: deal.id,
          patch: {
            name: String(data.get("name") ?? ""),
            accountName: String(data.get("accountName") ?? ""),
            amount: Number(data.get("amount") || 0),
            currency: String(data.get("currency") ?? ""),
            closeDate: String(data.get("closeDate") ?? "") || null,
          },
        }),
      { onSuccess: () => setOpen(false) },
    ),
  );
  const fe = (k: string) => fieldErrors[`patch.${k}`]?.[0] ?? fieldErrors[k]?.[0];
  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label="Edit deal">
      <Field id="edit-name" label="Deal name" error={fe("name")}>
        <TextInput id="edit-name" name="name" defaultValue={deal.name} />
      </Field>
      <Field id="edit-account" label="Account" error={fe("accountName")}>
        <TextInput id="edit-account" name="accountName" defaultValue={deal.accountName} />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="edit-amount" label="Amount" error={fe("amount")}>
          <TextInput
            id="edit-amount"
            name="amount"
            type="number"
            min={0}
            step="0.01"
            defaultValue={deal.amount}
          />
        </Field>
        <Field id="edit-currency" label="Currency" error={fe("currency")}>
          <TextInput id="edit-currency" name="currency" maxLength={3} defaultValue={deal.currency} />
        </Field>
      </div>
      <Field id="edit-close" label="Expected close date" error={fe("closeDate")}>
        <TextInput id="edit-close" name="closeDate" type="date" defaultValue={deal.closeDate ?? ""} />
      </Field>
      <FormError message={error} />
      <FormButtons submit="Save" pending={pending} onCancel={() => setOpen(false)} className="flex gap-2" />
    </form>
  );
}
