"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/ui/use-server-action";
import { logUsageAction } from "@/server/usage/usage-actions";
import { AssetSearchPicker } from "@/components/assets/asset-search-picker";
import { FoundAssetName } from "@/components/assets/asset-title";

/** "Add assets used": search the library and add several assets to the deal, one click each. */
export function AddAssetsPanel({ dealId, usedAssetIds }: { dealId: string; usedAssetIds: string[] }) {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string[]>([]);
  const { run, pending, error } = useServerAction();

  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add assets used
      </Button>
    );
  const done = new Set([...usedAssetIds, ...added]);
  return (
    <div className="space-y-2">
      <AssetSearchPicker
        id="asset-picker"
        label="Search assets"
        hideLabel
        placeholder="Search assets by title…"
        autoFocus
        error={error}
        listLabel="Assets to add"
        listClassName="max-h-72 divide-y divide-slate-100"
      >
        {(a) => (
          <div className="flex items-center justify-between gap-2 py-1.5">
            <FoundAssetName title={a.title} type={a.type} />
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
          </div>
        )}
      </AssetSearchPicker>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Done
      </Button>
    </div>
  );
}
