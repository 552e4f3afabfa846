import { Badge } from "@/components/ui/badge";
import { AssetTitle } from "@/components/assets/asset-title";
import { EmptyState } from "@/components/ui/card";
import { CardList } from "@/components/ui/card-list";
import type { AssetStatus, AssetType } from "@/lib/assets";
import { formatDate } from "@/lib/format";
import { AssetStatusBadge } from "./asset-badges";

export interface AssetListItem {
  id: string;
  title: string;
  type: AssetType;
  status: AssetStatus;
  description: string;
  ownerName: string;
  updatedAt: Date;
  expired: boolean;
  stageNames: string[];
  tagNames?: string[];
}

export function AssetList({
  items,
  showStatus,
  showOwner = true,
  emptyTitle,
  emptyHint,
  action,
  leading,
}: {
  items: AssetListItem[];
  showStatus: boolean;
  /** Partners never see who inside the company owns an asset. */
  showOwner?: boolean;
  emptyTitle: string;
  emptyHint?: string;
  action?: (item: AssetListItem) => React.ReactNode;
  /** Rendered before each row's content, e.g. a selection checkbox. */
  leading?: (item: AssetListItem) => React.ReactNode;
}) {
  if (items.length === 0) return <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>;
  return (
    <CardList label="Assets">
      {items.map((item) => (
        <li key={item.id} className="flex items-start gap-4 px-4 py-3">
          {leading ? <div className="shrink-0 pt-0.5">{leading(item)}</div> : null}
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <AssetTitle id={item.id} title={item.title} type={item.type} />
              {showStatus ? <AssetStatusBadge status={item.status} expired={item.expired} /> : null}
            </div>
            {item.description ? (
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">{item.description}</p>
            ) : null}
            <p className="mt-1 text-xs text-slate-500">
              {item.stageNames.join(" · ")}
              {showOwner ? ` — ${item.ownerName}` : ""}, updated {formatDate(item.updatedAt)}
            </p>
            {item.tagNames?.length ? (
              <ul className="mt-1 flex flex-wrap gap-1" aria-label={`Tags of ${item.title}`}>
                {item.tagNames.map((name, i) => (
                  <li key={`${i}:${name}`}>
                    <Badge>{name}</Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {action ? <div className="shrink-0">{action(item)}</div> : null}
        </li>
      ))}
    </CardList>
  );
}
