"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { readPartnerVisibility } from "@/lib/partner-visibility-form";
import { setPartnerVisibilityInBulkAction } from "@/server/partners/partner-actions";
import { PartnerVisibilityFields, type PartnerOptions } from "./partner-visibility-fields";

/** Sets one partner visibility on every selected asset (replacing what each had). */
export function BulkPartnerVisibility({
  assetIds,
  options,
}: {
  assetIds: string[];
  options: PartnerOptions;
}) {
  const { run, pending, error, fieldErrors } = useServerAction();
  const [done, setDone] = useState(false);
  const count = `${assetIds.length} ${assetIds.length === 1 ? "asset" : "assets"}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const visibility = readPartnerVisibility(new FormData(event.currentTarget));
    setDone(false);
    run(() => setPartnerVisibilityInBulkAction({ assetIds, visibility }), { onSuccess: () => setDone(true) });
  }
  return (
    <details className="mb-3 rounded-lg bg-brand-50 p-3 text-sm ring-1 ring-brand-100">
      <summary className="cursor-pointer font-medium text-brand-700">Partner visibility for {count}</summary>
      <form onSubmit={onSubmit} className="mt-3 space-y-3" aria-label="Bulk partner visibility">
        <PartnerVisibilityFields
          idPrefix="bulk-visibility"
          initial={{ partnerAccess: "none", minPartnerTierId: null, partnerOrgIds: [], partnerRegion: null }}
          options={options}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Apply to {count}
        </Button>
        <FormSuccess message={done ? `Partner visibility set on ${count}` : null} />
        <FormError message={Object.values(fieldErrors)[0]?.[0] ?? error} />
      </form>
    </details>
  );
}
