"use client";

import { useState, type FormEvent } from "react";
import { useServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import {
  PartnerVisibilityFields,
  type PartnerOptions,
} from "@/components/partners/partner-visibility-fields";
import { Field, FormError, TextArea, TextInput, SelectField } from "@/components/ui/field";
import { assetTypeLabels, assetTypes, type AssetType } from "@/lib/assets";
import { readPartnerVisibility } from "@/lib/partner-visibility-form";
import type { PartnerVisibility } from "@/lib/schemas/partner-visibility";
import { taxonomyKindLabels, taxonomyKinds, type TaxonomyKind } from "@/lib/taxonomy";
import { updateAssetAction } from "@/server/assets/asset-actions";

export interface EditableAsset {
  id: string;
  title: string;
  description: string;
  type: AssetType;
  stageIds: string[];
  termIds: string[];
  expiresAt: string | null;
  reviewBy: string | null;
  allowDownload: boolean;
  partnerVisibility: PartnerVisibility;
}

const dayOf = (iso: string | null) => (iso ? iso.slice(0, 10) : "");
const isoOf = (day: FormDataEntryValue | null) => (day ? `${String(day)}T00:00:00.000Z` : null);

/** The marketer's form for an asset's details, stages, tags, expiry and review date. */
export function EditAssetForm({
  asset,
  stages,
  terms,
  partnerOptions,
}: {
  asset: EditableAsset;
  stages: { id: string; name: string }[];
  terms: { id: string; kind: TaxonomyKind; name: string }[];
  partnerOptions: PartnerOptions;
}) {
  const { run, pending, error, fieldErrors } = useServerAction();
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const patch = {
      title: String(data.get("title") ?? ""),
      description: String(data.get("description") ?? ""),
      type: String(data.get("type")) as AssetType,
      stageIds: data.getAll("stageIds").map(String),
      termIds: data.getAll("termIds").map(String),
      expiresAt: isoOf(data.get("expiresAt")),
      reviewBy: isoOf(data.get("reviewBy")),
      allowDownload: data.get("allowDownload") === "on",
      partnerVisibility: readPartnerVisibility(data),
    };
    setSaved(false);
    run(() => updateAssetAction({ assetId: asset.id, patch }), { onSuccess: () => setSaved(true) });
  }

  const fe = (name: string) => (fieldErrors[name] ?? fieldErrors[`patch.${name}`])?.[0];
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Edit asset details" noValidate>
      <Field id="edit-title" label="Title" error={fe("title")}>
        <TextInput id="edit-title" name="title" defaultValue={asset.title} invalid={Boolean(fe("title"))} />
      </Field>
      <Field id="edit-description" label="Description" error={fe("description")}>
        <TextArea id="edit-description" name="description" rows={3} defaultValue={asset.description} />
      </Field>
      <SelectField
        id="edit-type"
        label="Type"
        name="type"
        defaultValue={asset.type}
        options={assetTypes.map((t) => ({ value: t, label: assetTypeLabels[t] }))}
      />
      <CheckboxGroup
        legend="Buying stages"
        name="stageIds"
        options={stages}
        selected={asset.stageIds}
        error={fe("stageIds")}
      />
      {taxonomyKinds.map((kind) => {
        const options = terms.filter((t) => t.kind === kind);
        if (options.length === 0) return null;
        return (
          <CheckboxGroup
            key={kind}
            legend={taxonomyKindLabels[kind].many}
            name="termIds"
            options={options}
            selected={asset.termIds}
          />
        );
      })}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="edit-expires" label="Expires on" hint="Expired assets leave reps' and partners' results">
          <TextInput id="edit-expires" name="expiresAt" type="date" defaultValue={dayOf(asset.expiresAt)} />
        </Field>
        <Field id="edit-review" label="Review by" hint="You'll be reminded in Needs attention">
          <TextInput id="edit-review" name="reviewBy" type="date" defaultValue={dayOf(asset.reviewBy)} />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowDownload" defaultChecked={asset.allowDownload} />
        Reps and partners may download the file (otherwise view only)
      </label>
      <PartnerVisibilityFields
        idPrefix="edit-visibility"
        initial={asset.partnerVisibility}
        options={partnerOptions}
        errors={{
          minPartnerTierId: fe("partnerVisibility.minPartnerTierId") ?? fe("minPartnerTierId"),
          partnerOrgIds: fe("partnerVisibility.partnerOrgIds") ?? fe("partnerOrgIds"),
        }}
      />
      <FormError message={error} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
        {saved ? (
          <span role="status" className="text-sm text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
