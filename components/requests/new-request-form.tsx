"use client";

import { useRouter } from "next/navigation";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { useServerAction } from "@/components/ui/use-server-action";
import {
  Field,
  FormError,
  Select,
  TextArea,
  TextField,
  SelectField,
  choicesOf,
  formFields,
} from "@/components/ui/field";
import { requestUrgencies, requestUrgencyLabels, type RequestUrgency } from "@/lib/requests";
import { createRequestAction } from "@/server/requests/request-actions";

type Option = { id: string; name: string };

export interface RequestPrefill {
  title?: string;
  details?: string;
  stageId?: string;
  industryId?: string;
  competitorId?: string;
  searchQuery?: string;
}

export function NewRequestForm({
  stages,
  industries,
  competitors,
  deals,
  prefill,
}: {
  stages: Option[];
  industries: Option[];
  competitors: Option[];
  deals: Option[];
  prefill: RequestPrefill;
}) {
  const router = useRouter();
  const { run, pending, error, fieldErrors } = useServerAction();
  const field = formFields("request", fieldErrors);

  const onSubmit = withFormData((data) => {
    const text = (k: string) => String(data.get(k) ?? "");
    run(
      () =>
        createRequestAction({
          title: text("title"),
          details: text("details"),
          stageId: text("stageId"),
          industryId: text("industryId"),
          competitorId: text("competitorId"),
          dealId: text("dealId"),
          urgency: text("urgency") as RequestUrgency,
          searchQuery: prefill.searchQuery,
        }),
      { refresh: false, onSuccess: (request) => router.push(`/requests#request-${request.id}`) },
    );
  });

  const select = (
    name: string,
    label: string,
    options: Option[],
    value: string | undefined,
    none: string,
  ) => (
    <Field id={`request-${name}`} label={label} error={field(name).error}>
      <Select
        id={`request-${name}`}
        name={name}
        defaultValue={value ?? ""}
        placeholder={none}
        options={choicesOf(options)}
      />
    </Field>
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Request content"
      className="grid max-w-3xl gap-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <TextField
          {...field("title")}
          label="What do you need?"
          defaultValue={prefill.title}
          placeholder="e.g. A rebuttal to Acme's new pricing pitch"
        />
      </div>
      <div className="sm:col-span-2">
        <Field
          id="request-details"
          label="Details"
          hint="What the buyer said, who it is for, what would help you win"
          error={field("details").error}
        >
          <TextArea id="request-details" name="details" rows={4} defaultValue={prefill.details} />
        </Field>
      </div>
      {select("stageId", "Buying stage", stages, prefill.stageId, "Any stage")}
      {select("industryId", "Industry", industries, prefill.industryId, "Any industry")}
      {select("competitorId", "Competitor", competitors, prefill.competitorId, "No competitor")}
      {select("dealId", "Related deal", deals, undefined, "No deal")}
      <SelectField
        {...field("urgency")}
        label="Urgency"
        defaultValue="normal"
        options={requestUrgencies.map((u) => ({ value: u, label: requestUrgencyLabels[u] }))}
      />
      <FormButtons submit="Send request" pending={pending} className="flex items-end gap-2 sm:col-span-2" />
      <FormError message={error} className="sm:col-span-2" />
    </form>
  );
}
