"use client";

import { useEffect, useRef, useState } from "react";
import { BulkPartnerVisibility } from "@/components/partners/bulk-partner-visibility";
import type { PartnerOptions } from "@/components/partners/partner-visibility-fields";
import type { TaxonomyKind } from "@/lib/taxonomy";
import { AssetList, type AssetListItem } from "./asset-list";
import { BulkEditBar } from "./bulk-edit-bar";

/** The library list with a checkbox per row and a bar to change stages and tags of the selected assets. */
export function SelectableAssetList({
  items,
  stages,
  terms,
  partnerOptions,
  ...listProps
}: {
  items: AssetListItem[];
  stages: { id: string; name: string }[];
  terms: { id: string; kind: TaxonomyKind; name: string }[];
  partnerOptions: PartnerOptions;
  showStatus: boolean;
  showOwner?: boolean;
  emptyTitle: string;
  emptyHint?: string;
}) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const allRef = useRef<HTMLInputElement>(null);
  // Rows that left the page (e.g. a removed stage under a stage filter) drop out of the selection.
  const selected = items.filter((i) => picked.has(i.id)).map((i) => i.id);
  const all = items.length > 0 && selected.length === items.length;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selected.length > 0 && !all;
  }, [selected.length, all]);

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      {items.length ? (
        <label className="mb-2 flex items-center gap-2 px-4 text-sm text-slate-700">
          <input
            ref={allRef}
            type="checkbox"
            checked={all}
            onChange={(e) => setPicked(new Set(e.target.checked ? items.map((i) => i.id) : []))}
          />
          Select all on this page
        </label>
      ) : null}
      {selected.length ? (
        <>
          <BulkEditBar
            assetIds={selected}
            stages={stages}
            terms={terms}
            onClear={() => setPicked(new Set())}
          />
          <BulkPartnerVisibility assetIds={selected} options={partnerOptions} />
        </>
      ) : null}
      <AssetList
        items={items}
        {...listProps}
        leading={(item) => (
          <input
            type="checkbox"
            aria-label={`Select ${item.title}`}
            checked={picked.has(item.id)}
            onChange={(e) => toggle(item.id, e.target.checked)}
          />
        )}
      />
    </>
  );
}
