"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextInput } from "@/components/ui/field";
import { FoundAssetName } from "@/components/assets/asset-title";
import { useAssetSearch } from "@/components/assets/use-asset-search";

export interface PickedAsset {
  id: string;
  title: string;
}

/** The room's content: the chosen assets in the order the buyer sees them, and a search to add more. */
export function RoomAssetPicker({
  picked,
  onChange,
  error,
}: {
  picked: PickedAsset[];
  onChange: (next: PickedAsset[]) => void;
  error?: string;
}) {
  const [q, setQ] = useState("");
  // Unique: the share form and a room's "Change content" can be open at once.
  const searchId = useId();
  const results = useAssetSearch(q, true);
  const pickedIds = new Set(picked.map((p) => p.id));
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-700">Content ({picked.length} chosen)</p>
      {picked.length ? (
        <ol className="space-y-1 text-sm" aria-label="Chosen content">
          {picked.map((p, i) => (
            <li key={p.id} className="flex items-center justify-between gap-2">
              <span className="min-w-0 break-words">
                {i + 1}. {p.title}
              </span>
              <Button
                variant="ghost"
                className="min-h-11 shrink-0"
                aria-label={`Remove “${p.title}”`}
                onClick={() => onChange(picked.filter((y) => y.id !== p.id))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ol>
      ) : null}
      <FormError message={error} />
      <label htmlFor={searchId} className="sr-only">
        Search content to share
      </label>
      <TextInput
        id={searchId}
        placeholder="Search content by title…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <ul aria-label="Content to share" className="max-h-60 divide-y divide-slate-100 overflow-y-auto">
        {(results.data ?? []).map((a) => (
          <li key={a.id} className="flex items-center justify-between gap-2 py-1 text-sm">
            <FoundAssetName title={a.title} type={a.type} className="min-w-0 break-words" />
            {pickedIds.has(a.id) ? (
              <span className="shrink-0 text-xs text-emerald-700">Chosen</span>
            ) : (
              <Button
                variant="ghost"
                className="min-h-11 shrink-0"
                aria-label={`Choose “${a.title}”`}
                onClick={() => onChange([...picked, { id: a.id, title: a.title }])}
              >
                Choose
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
