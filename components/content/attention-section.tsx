import { useId } from "react";
import { AssetTitle } from "@/components/assets/asset-title";
import { AssetStatusBadge } from "@/components/assets/asset-badges";
import type { AssetStatus, AssetType } from "@/lib/assets";

export interface AttentionItem {
  id: string;
  title: string;
  type: AssetType;
  status: AssetStatus;
  ownerName: string;
  /** Why it is here, e.g. "Expired 3 days ago". */
  reason: string;
  urgent?: boolean;
}

/** One "Needs attention" section: a heading with its count, the items most urgent first, or an empty note. */
export function AttentionSection({
  title,
  description,
  count,
  items,
  showOwner,
  emptyText,
}: {
  title: string;
  description: string;
  count: number;
  items: AttentionItem[];
  showOwner: boolean;
  emptyText: string;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex items-baseline gap-3 border-b border-slate-100 px-4 py-3">
        <h2 id={headingId} className="text-sm font-semibold text-slate-900">
          {title}
        </h2>
        <span
          className={`rounded-full px-2 text-xs font-medium tabular-nums ${count > 0 ? "bg-amber-50 text-amber-800 ring-1 ring-inset ring-amber-200" : "bg-slate-100 text-slate-600"}`}
          aria-label={`${count} ${count === 1 ? "item" : "items"}`}
        >
          {count}
        </span>
        <p className="text-xs text-slate-500">{description}</p>
      </header>
      {items.length === 0 ? (
        <p className="px-4 py-4 text-sm text-slate-500">{emptyText}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={title}>
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5">
              <AssetTitle id={item.id} title={item.title} type={item.type} />
              <AssetStatusBadge status={item.status} />
              <span className={`text-sm ${item.urgent ? "font-medium text-red-700" : "text-slate-600"}`}>
                {item.reason}
              </span>
              {showOwner ? <span className="ml-auto text-xs text-slate-500">{item.ownerName}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {count > items.length && items.length > 0 ? (
        <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
          Showing the {items.length} most urgent of {count}.
        </p>
      ) : null}
    </section>
  );
}
