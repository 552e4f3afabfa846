import { AssetStatusBadge, AssetTypeBadge } from "@/components/assets/asset-badges";
import { AssetLink } from "@/components/assets/asset-title";
import { Badge } from "@/components/ui/badge";
import { CardList } from "@/components/ui/card-list";
import { formatDate } from "@/lib/format";
import type { AssetStatus, AssetType } from "@/lib/assets";
import { HighlightedSnippet } from "./highlighted-snippet";

export interface ResultItem {
  id: string;
  title: string;
  type: AssetType;
  status: AssetStatus;
  description: string;
  snippet: string | null;
  stageNames: string[];
  tags: { id: string; name: string }[];
  ownerName?: string;
  updatedAt: string;
  usageCount: number;
  thumbnailUrl: string | null;
}

/** Ranked results; each link carries the search it came from so the click is counted for marketing. */
export function SearchResults({
  items,
  searchId,
  showStatus,
}: {
  items: ResultItem[];
  searchId: number | null;
  showStatus: boolean;
}) {
  return (
    <CardList label="Results" ordered>
      {items.map((item) => (
        <li key={item.id} className="flex gap-4 p-4">
          <div className="hidden h-20 w-16 shrink-0 overflow-hidden rounded bg-slate-100 ring-1 ring-slate-200 sm:block">
            {item.thumbnailUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, per-user API image
              <img
                src={item.thumbnailUrl}
                alt=""
                className="h-full w-full object-cover object-top"
                loading="lazy"
              />
            ) : null}
          </div>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <AssetLink id={item.id} title={item.title} fromSearch={searchId} />
              <AssetTypeBadge type={item.type} />
              {showStatus && item.status !== "published" ? <AssetStatusBadge status={item.status} /> : null}
            </div>
            {item.snippet ? (
              <HighlightedSnippet snippet={item.snippet} />
            ) : (
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">{item.description}</p>
            )}
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
              <span>{item.stageNames.join(" · ")}</span>
              {item.tags.slice(0, 4).map((t) => (
                <Badge key={t.id}>{t.name}</Badge>
              ))}
              {item.ownerName ? <span>{item.ownerName}</span> : null}
              <span>Updated {formatDate(item.updatedAt)}</span>
              <span>
                Used {item.usageCount} {item.usageCount === 1 ? "time" : "times"} in the last 12 months
              </span>
            </p>
          </div>
        </li>
      ))}
    </CardList>
  );
}
