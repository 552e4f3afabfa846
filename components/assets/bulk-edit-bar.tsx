"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormSuccess, Select, choicesOf } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import type { BulkEditAssetsInput } from "@/lib/schemas/taxonomy";
import { taxonomyKindLabels, taxonomyKinds, type TaxonomyKind } from "@/lib/taxonomy";
import { bulkEditAssetsAction } from "@/server/assets/bulk-edit-actions";

type Change = Omit<BulkEditAssetsInput, "assetIds">;

/** Adds or removes one buying stage or one tag on every selected asset. */
export function BulkEditBar({
  assetIds,
  stages,
  terms,
  onClear,
}: {
  assetIds: string[];
  stages: { id: string; name: string }[];
  terms: { id: string; kind: TaxonomyKind; name: string }[];
  onClear: () => void;
}) {
  const [stageId, setStageId] = useState("");
  const [termId, setTermId] = useState("");
  const { run, pending, error, fieldErrors } = useServerAction();
  const [done, setDone] = useState<string>();
  const count = `${assetIds.length} ${assetIds.length === 1 ? "asset" : "assets"}`;

  const apply = (change: Change, doneText: string) => {
    setDone(undefined);
    run(() => bulkEditAssetsAction({ assetIds, ...change }), { onSuccess: () => setDone(doneText) });
  };

  const stageName = stages.find((s) => s.id === stageId)?.name;
  const termName = terms.find((t) => t.id === termId)?.name;

  return (
    <section
      aria-label="Bulk edit"
      className="sticky top-0 z-10 mb-3 space-y-3 rounded-lg bg-brand-50 p-3 text-sm ring-1 ring-brand-100"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium text-slate-900">{count} selected</p>
        <Button variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      </div>
      <AddOrRemove
        id="bulk-stage"
        label="Buying stage"
        noun="stage"
        disabled={pending || !stageId}
        onAdd={() => apply({ addStageIds: [stageId] }, `Added ${stageName} to ${count}`)}
        onRemove={() => apply({ removeStageIds: [stageId] }, `Removed ${stageName} from ${count}`)}
      >
        <Select
          id="bulk-stage"
          value={stageId}
          onChange={(e) => setStageId(e.target.value)}
          placeholder="Choose a stage…"
          options={choicesOf(stages)}
        />
      </AddOrRemove>
      <AddOrRemove
        id="bulk-tag"
        label="Tag"
        noun="tag"
        disabled={pending || !termId}
        onAdd={() => apply({ addTermIds: [termId] }, `Tagged ${count} with ${termName}`)}
        onRemove={() => apply({ removeTermIds: [termId] }, `Removed ${termName} from ${count}`)}
      >
        <Select id="bulk-tag" value={termId} onChange={(e) => setTermId(e.target.value)}>
          <option value="">{terms.length ? "Choose a tag…" : "No tags yet"}</option>
          {taxonomyKinds.map((kind) => {
            const ofKind = terms.filter((t) => t.kind === kind);
            return ofKind.length ? (
              <optgroup key={kind} label={taxonomyKindLabels[kind].many}>
                {ofKind.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </Select>
      </AddOrRemove>
      <FormSuccess message={done} />
      <FormError message={Object.values(fieldErrors)[0]?.[0] ?? error} />
    </section>
  );
}

/** One row of the bar: a labelled choice (`children`, the select with id `id`), then Add and Remove. */
function AddOrRemove({
  id,
  label,
  noun,
  disabled,
  onAdd,
  onRemove,
  children,
}: {
  id: string;
  label: string;
  noun: string;
  disabled: boolean;
  onAdd: () => void;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="w-56">
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
        </label>
        {children}
      </div>
      <Button variant="secondary" disabled={disabled} onClick={onAdd}>
        {`Add ${noun}`}
      </Button>
      <Button variant="secondary" disabled={disabled} onClick={onRemove}>
        {`Remove ${noun}`}
      </Button>
    </div>
  );
}
