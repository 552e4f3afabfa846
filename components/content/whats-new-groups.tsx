import { useId } from "react";
import { AssetTitle } from "@/components/assets/asset-title";
import { CardList } from "@/components/ui/card-list";
import type { AssetType } from "@/lib/assets";
import { formatDate } from "@/lib/format";

export interface WhatsNewGroup {
  stage: { id: string; name: string };
  items: {
    id: string;
    title: string;
    type: AssetType;
    description: string;
    publishedAt: Date | null;
    ownerName: string;
  }[];
}

function StageGroup({ group, showOwner }: { group: WhatsNewGroup; showOwner: boolean }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-sm font-semibold text-slate-900">
        {group.stage.name} <span className="font-normal text-slate-500">({group.items.length} new)</span>
      </h2>
      <CardList label={`New for ${group.stage.name}`}>
        {group.items.map((item) => (
          <li key={item.id} className="px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <AssetTitle id={item.id} title={item.title} type={item.type} />
            </div>
            {item.description ? (
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">{item.description}</p>
            ) : null}
            <p className="mt-1 text-xs text-slate-500">
              Published {formatDate(item.publishedAt)}
              {showOwner ? ` by ${item.ownerName}` : ""}
            </p>
          </li>
        ))}
      </CardList>
    </section>
  );
}

/** Recently published assets under each buying stage, in stage order. */
export function WhatsNewGroups({ groups, showOwner }: { groups: WhatsNewGroup[]; showOwner: boolean }) {
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <StageGroup key={group.stage.id} group={group} showOwner={showOwner} />
      ))}
    </div>
  );
}
