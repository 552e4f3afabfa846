"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select, TextArea, TextField } from "@/components/ui/field";
import { FormButtons } from "@/components/ui/form-buttons";
import { withFormData } from "@/components/ui/form-data";
import { useServerAction } from "@/components/ui/use-server-action";
import { publishAnnouncementAction } from "@/server/notifications/notification-actions";
import { AssetSearchPicker, type FoundAsset } from "@/components/assets/asset-search-picker";

/** A marketer's announcement: what shipped, how to use it in the field, who hears, which assets. */
export function AnnouncementForm({ tiers }: { tiers: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<FoundAsset[]>([]);
  const { run, pending, error, fieldErrors } = useServerAction();
  if (!open) return <Button onClick={() => setOpen(true)}>New announcement</Button>;

  const onSubmit = withFormData((data) =>
    run(
      () =>
        publishAnnouncementAction({
          title: String(data.get("title") ?? ""),
          fieldNote: String(data.get("fieldNote") ?? ""),
          includeReps: data.get("includeReps") === "on",
          minPartnerTierId: String(data.get("minPartnerTierId") ?? ""),
          assetIds: picked.map((p) => p.id),
        }),
      {
        onSuccess: () => {
          setOpen(false);
          setPicked([]);
        },
      },
    ),
  );

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="New announcement"
      className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <TextField id="ann-title" label="Title" error={fieldErrors.title?.[0]} name="title" />
      </div>
      <div className="sm:col-span-2">
        <Field id="ann-note" label="How to use this in the field" error={fieldErrors.fieldNote?.[0]}>
          <TextArea id="ann-note" name="fieldNote" rows={3} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Who hears it</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeReps" defaultChecked /> All reps
        </label>
        <Field
          id="ann-tier"
          label="Partners"
          error={fieldErrors.includeReps?.[0] ?? fieldErrors.minPartnerTierId?.[0]}
        >
          <Select id="ann-tier" name="minPartnerTierId" defaultValue="">
            <option value="">No partners</option>
            {tiers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} and above
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>
      <AssetSearchPicker
        id="ann-assets"
        label="Linked assets"
        error={fieldErrors.assetIds?.[0]}
        listLabel="Assets to link"
        pinned={picked}
        choice={{
          type: "checkbox",
          isChosen: (a) => picked.some((p) => p.id === a.id),
          onChoose: (a, chosen) =>
            setPicked((list) => (chosen ? [...list, a] : list.filter((p) => p.id !== a.id))),
        }}
      />
      <FormButtons
        submit="Publish announcement"
        pending={pending}
        onCancel={() => setOpen(false)}
        className="flex gap-2 sm:col-span-2"
      />
      <FormError message={error} className="sm:col-span-2" />
    </form>
  );
}
