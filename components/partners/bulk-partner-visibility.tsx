"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
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
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const count = `${assetIds.length} ${assetIds.length === 1 ? "asset" : "assets"}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const visibility = readPartnerVisibility(new FormData(event.currentTarget));
    start(async () => {
      const result = await setPartnerVisibilityInBulkAction({ assetIds, visibility });
      if (result.ok) {
        setMessage({ ok: true, text: `Partner visibility set on ${count}` });
        router.refresh();
      } else {
        const field = result.fieldErrors && Object.values(result.fieldErrors)[0]?.[0];
        setMessage({ ok: false, text: field ?? result.error });
      }
    });
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
        {message ? (
          <p
            role={message.ok ? "status" : "alert"}
            className={message.ok ? "text-emerald-700" : "text-red-600"}
          >
            {message.text}
          </p>
        ) : null}
      </form>
    </details>
  );
}
