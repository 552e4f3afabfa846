"use client";

import { useState } from "react";
import { FieldError, RadioChoices, Select, TextInput } from "@/components/ui/field";
import { partnerAccessLabels, partnerAccessLevels, type PartnerAccessLevel } from "@/lib/partner-access";
import type { PartnerVisibility } from "@/lib/schemas/partner-visibility";

export interface PartnerOptions {
  tiers: { id: string; name: string }[];
  orgs: { id: string; name: string; tierName: string }[];
}

/** Who outside the company sees the asset; fields submit under the names readPartnerVisibility reads. */
export function PartnerVisibilityFields({
  idPrefix,
  initial,
  options,
  errors = {},
}: {
  idPrefix: string;
  initial: PartnerVisibility;
  options: PartnerOptions;
  errors?: Partial<Record<"minPartnerTierId" | "partnerOrgIds", string>>;
}) {
  const [access, setAccess] = useState<PartnerAccessLevel>(initial.partnerAccess);
  const showOrgs = access === "tier" || access === "orgs";
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">Partner visibility</legend>
      <div
        role="radiogroup"
        aria-label="Who among partners sees it"
        className="flex flex-wrap gap-x-4 gap-y-1"
      >
        <RadioChoices
          name="partnerAccess"
          choices={partnerAccessLevels.map((level) => ({ value: level, label: partnerAccessLabels[level] }))}
          value={access}
          onChoose={setAccess}
        />
      </div>
      {access === "tier" ? (
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-tier`} className="block text-sm text-slate-700">
            Lowest tier that sees it
          </label>
          <Select
            id={`${idPrefix}-tier`}
            name="minPartnerTierId"
            defaultValue={initial.minPartnerTierId ?? options.tiers[0]?.id}
          >
            {options.tiers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} and above
              </option>
            ))}
          </Select>
          <FieldError message={errors.minPartnerTierId} />
        </div>
      ) : null}
      {showOrgs ? (
        <fieldset>
          <legend className="text-sm text-slate-700">
            {access === "tier" ? "Also these organisations, whatever their tier" : "Organisations"}
          </legend>
          {options.orgs.length ? (
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {options.orgs.map((o) => (
                <label key={o.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="partnerOrgIds"
                    value={o.id}
                    defaultChecked={initial.partnerOrgIds.includes(o.id)}
                  />
                  {o.name} <span className="text-xs text-slate-500">({o.tierName})</span>
                </label>
              ))}
            </div>
          ) : (
            <p className="text-sm text-slate-500">
              No partner organisations yet; a channel manager adds them.
            </p>
          )}
          <FieldError message={errors.partnerOrgIds} />
        </fieldset>
      ) : null}
      {access !== "none" ? (
        <div className="max-w-xs space-y-1">
          <label htmlFor={`${idPrefix}-region`} className="block text-sm text-slate-700">
            Only partners in region (optional)
          </label>
          <TextInput
            id={`${idPrefix}-region`}
            name="partnerRegion"
            defaultValue={initial.partnerRegion ?? ""}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
