"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import {
  Field,
  FormError,
  RadioChoices,
  TextArea,
  TextInput,
  SelectField,
  choicesOf,
  formFields,
} from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { closeDealAction } from "@/server/deals/deal-actions";

const outcomes = [
  { value: "won", label: "Won" },
  { value: "lost", label: "Lost" },
] as const;

export function CloseDealForm({
  dealId,
  amount,
  lossReasons,
}: {
  dealId: string;
  amount: number;
  lossReasons: { id: string; name: string }[];
}) {
  const [outcome, setOutcome] = useState<"won" | "lost">("won");
  const { run, pending, error, fieldErrors } = useServerAction();
  const field = formFields("close", fieldErrors);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(() =>
      closeDealAction({
        dealId,
        outcome,
        amount: Number(data.get("amount")),
        lossReasonId: outcome === "lost" ? String(data.get("lossReasonId") || "") || undefined : undefined,
        note: String(data.get("note") ?? ""),
      }),
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <fieldset className="flex gap-4">
        <legend className="sr-only">Outcome</legend>
        <RadioChoices name="outcome" choices={outcomes} value={outcome} onChoose={setOutcome} />
      </fieldset>
      <Field id="close-amount" label="Final amount" error={field("amount").error}>
        <TextInput id="close-amount" name="amount" type="number" min={0} step="0.01" defaultValue={amount} />
      </Field>
      {outcome === "lost" ? (
        <SelectField
          {...field("lossReasonId")}
          label="Loss reason"
          defaultValue=""
          placeholder="Choose a reason…"
          options={choicesOf(lossReasons)}
        />
      ) : null}
      <Field id="close-note" label="Note (optional)">
        <TextArea id="close-note" name="note" rows={2} />
      </Field>
      <FormError message={error} />
      <Button type="submit" variant={outcome === "won" ? "primary" : "danger"} disabled={pending}>
        {outcome === "won" ? "Mark as won" : "Mark as lost"}
      </Button>
    </form>
  );
}
