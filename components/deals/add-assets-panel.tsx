"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextInput } from "@/components/ui/field";
import { useServerAction } from "@/components/ui/use-server-action";
import { assetTypeLabels } from "@/lib/assets";
import { logUsageAction } from "@/server/usage/usage-actions";
import { useAssetSearch } from "@/components/assets/use-asset-search";

/** "Add assets used": search the library and add several assets to the deal, one click each. */
export function AddAssetsPanel({ dealId, usedAssetIds }: { dealId: string; usedAssetIds: string[] }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [added, setAdded] = useState<string[]>([]);
  const { run, pending, error } = useServerAction();
  const results = useAssetSearch(q, open);

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add assets used
      </Button>
    );
  const done = new Set([...usedAssetIds, ...added]);
  return (
    <div className="space-y-2">
      <label htmlFor="asset-picker" className="sr-only">
        Search assets
      </label>
      <TextInput
        id="asset-picker"
        placeholder="Search assets by title…"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoFocus
      />
      <FormError message={error} />
      <ul aria-label="Assets to add" className="max-h-72 divide-y divide-slate-100 overflow-y-auto">
        {(results.data ?? []).map((a) => (
          <li key={a.id} className="flex items-center justify-between gap-2 py-1.5 text-sm">
            <span>
              {a.title} <span className="text-xs text-slate-500">· {assetTypeLabels[a.type]}</span>
            </span>
            {done.has(a.id) ? (
              <span className="text-xs text-emerald-700">Added</span>
            ) : (
              <Button
                variant="ghost"
                disabled={pending}
                aria-label={`Add “${a.title}”`}
                onClick={() =>
                  run(
                    () =>
                      logUsageAction({
                        assetId: a.id,
                        dealId,
                        kind: "sent",
                        idempotencyKey: `${dealId}:${a.id}:${Date.now()}`,
                      }),
                    { onSuccess: () => setAdded((x) => [...x, a.id]) },
                  )
                }
              >
                Add
              </Button>
            )}
          </li>
        ))}
        {results.data?.length === 0 ? (
          <li className="py-2 text-sm text-slate-500">No published asset matches “{q}”.</li>
        ) : null}
      </ul>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Done
      </Button>
    </div>
  );
}
