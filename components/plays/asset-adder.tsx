"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import type { AssetType } from "@/lib/assets";
import { FoundAssetName } from "@/components/assets/asset-title";
import { useAssetSearch } from "@/components/assets/use-asset-search";

export interface PickedAsset {
  id: string;
  title: string;
  type: AssetType;
}

/** Search published assets by title and add them to a play step. */
export function AssetAdder({
  exclude,
  onAdd,
  stepLabel,
}: {
  exclude: string[];
  onAdd: (asset: PickedAsset) => void;
  stepLabel: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const results = useAssetSearch(q, q.trim().length > 0);
  const options = (results.data ?? []).filter((a) => !exclude.includes(a.id)).slice(0, 6);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        Add an asset to {stepLabel}
      </label>
      <TextInput
        id={id}
        placeholder="Search published assets…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {options.length ? (
        <ul aria-label={`Assets to add to ${stepLabel}`} className="divide-y divide-slate-100 text-sm">
          {options.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2 py-1">
              <FoundAssetName title={a.title} type={a.type} />
              <Button
                variant="ghost"
                aria-label={`Add “${a.title}” to ${stepLabel}`}
                onClick={() => {
                  onAdd(a);
                  setQ("");
                }}
              >
                Add
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
