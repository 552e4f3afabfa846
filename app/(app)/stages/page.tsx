import { totalLabel } from "@/lib/search-total";
import Link from "next/link";
import { AssetTypeBadge } from "@/components/assets/asset-badges";
import { FollowButton } from "@/components/notifications/follow-button";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { listFollows } from "@/server/notifications/subscriptions";
import { searchAssets } from "@/server/search/search-assets";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Browse by stage" };

const PER_STAGE = 6;

/** One column per buying stage with its most used assets, each linking to the full, filtered list. */
export default async function StageBoardPage() {
  const { actor, db } = await requirePage("assets.read");
  const [stages, follows] = await Promise.all([listStages(db, actor.workspaceId), listFollows(db, actor)]);
  const columns = await Promise.all(
    stages.map(async (stage) => ({
      stage,
      result: await searchAssets(db, actor, { stageIds: [stage.id], sort: "most_used", limit: PER_STAGE }),
    })),
  );
  return (
    <>
      <PageHeader
        title="Browse by stage"
        description="The most used content for each step of the deal. Follow a stage to hear about its new content."
      />
      <div className="grid gap-4 md:grid-cols-3 xl:grid-cols-6" role="list" aria-label="Buying stages">
        {columns.map(({ stage, result }) => (
          <section
            key={stage.id}
            role="listitem"
            aria-labelledby={`stage-${stage.id}`}
            className="flex flex-col rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200"
          >
            <div className="flex items-start justify-between gap-2">
              <h2 id={`stage-${stage.id}`} className="text-sm font-semibold text-slate-900">
                {stage.name}
              </h2>
              <FollowButton
                compact
                name={stage.name}
                target={{ stageId: stage.id }}
                following={follows.some((f) => f.stageId === stage.id)}
              />
            </div>
            {stage.description ? <p className="mt-1 text-xs text-slate-500">{stage.description}</p> : null}
            <ul className="mt-3 flex-1 space-y-2" aria-label={`${stage.name} assets`}>
              {result.items.map((item) => (
                <li key={item.id} className="rounded-md border border-slate-100 p-2">
                  <Link
                    href={`/assets/${item.id}`}
                    className="block text-sm font-medium text-slate-900 hover:underline"
                  >
                    {item.title}
                  </Link>
                  <span className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-500">
                    <AssetTypeBadge type={item.type} />
                    <span title="Usages logged in the last 12 months">
                      Used {item.usageCount}× in 12 months
                    </span>
                  </span>
                </li>
              ))}
              {result.items.length === 0 ? (
                <li className="text-xs text-slate-500">
                  Nothing for this stage yet.{" "}
                  <Link
                    href={`/requests/new?stageIds=${stage.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    Request content for {stage.name}
                  </Link>
                </li>
              ) : null}
            </ul>
            {result.total > result.items.length ? (
              <Link
                href={`/search?stageIds=${stage.id}`}
                className="mt-3 text-xs font-medium text-brand-700 underline"
              >
                See all {totalLabel(result.total, result.totalExact)}
              </Link>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}
