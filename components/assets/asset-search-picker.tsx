"use client";

import { useState, type ReactNode } from "react";
import { TextInput } from "@/components/ui/field";
import { useAssetSearch } from "./use-asset-search";

export type FoundAsset = NonNullable<ReturnType<typeof useAssetSearch>["data"]>[number];

/** Rows that are form inputs: checkboxes to pick several assets, or radios to pick one. */
export interface AssetChoice {
  type: "checkbox" | "radio";
  name?: string;
  isChosen: (asset: FoundAsset) => boolean;
  onChoose: (asset: FoundAsset, chosen: boolean) => void;
}

/**
 * A title search over the published assets the user may see, with one row per match: either a `choice`
 * input grouped under `listLabel`, or whatever `children` renders for the asset (an Add button, say).
 * `pinned` rows come first whatever the search, so a chosen asset stays visible.
 */
export function AssetSearchPicker({
  id,
  label,
  hideLabel = false,
  placeholder = "Search published assets…",
  autoFocus,
  error,
  listLabel,
  listClassName = "max-h-40",
  choice,
  pinned = [],
  children,
}: {
  id: string;
  label: string;
  hideLabel?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  error?: string;
  listLabel: string;
  listClassName?: string;
  choice?: AssetChoice;
  pinned?: FoundAsset[];
  children?: (asset: FoundAsset) => ReactNode;
}) {
  const [q, setQ] = useState("");
  const results = useAssetSearch(q, true);
  const found = results.data ?? [];
  const rows = [...pinned, ...found.filter((a) => !pinned.some((p) => p.id === a.id))];
  const renderRow = (a: FoundAsset) =>
    choice ? (
      <label className="flex items-center gap-2 py-0.5">
        <input
          type={choice.type}
          name={choice.name}
          value={a.id}
          checked={choice.isChosen(a)}
          onChange={(e) => choice.onChoose(a, e.target.checked)}
        />
        {a.title}
      </label>
    ) : (
      children?.(a)
    );
  const list = (
    <ul aria-label={choice ? undefined : listLabel} className={`${listClassName} overflow-y-auto text-sm`}>
      {rows.map((a) => (
        <li key={a.id}>{renderRow(a)}</li>
      ))}
      {results.data?.length === 0 ? (
        <li className="py-2 text-slate-500">No published asset matches “{q}”.</li>
      ) : null}
    </ul>
  );
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <TextInput
        id={id}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={placeholder}
        autoFocus={autoFocus}
        invalid={Boolean(error)}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-600" role="alert">
          {error}
        </p>
      ) : null}
      {choice ? (
        <fieldset>
          <legend className="sr-only">{listLabel}</legend>
          {list}
        </fieldset>
      ) : (
        list
      )}
    </div>
  );
}
