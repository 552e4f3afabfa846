import Link from "next/link";
import { z } from "zod";
import { AssetList } from "@/components/assets/asset-list";
import { SelectableAssetList } from "@/components/assets/selectable-asset-list";
import { StageFilter } from "@/components/assets/stage-filter";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listAssets } from "@/server/assets/asset-queries";
import { requirePageActor } from "@/server/auth/session";
import { listPartnerOptions } from "@/server/partners/partner-options";
import { can } from "@/server/authz/permissions";
import { listTermOptions, termNamesByAsset } from "@/server/taxonomy/taxonomy-queries";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Library" };

const params = z.object({ stage: z.uuid().optional().catch(undefined) });

export default async function LibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requirePageActor("assets.read");
  const { stage } = params.parse(await searchParams);
  const db = await getDb();
  const canWrite = can(actor.role, "assets.write");
  const [stages, assets, terms, partnerOptions] = await Promise.all([
    listStages(db, actor.workspaceId),
    listAssets(db, actor, { stageId: stage }),
    canWrite ? listTermOptions(db, actor.workspaceId) : [],
    canWrite ? listPartnerOptions(db, actor) : { tiers: [], orgs: [] },
  ]);
  const tags = await termNamesByAsset(
    db,
    actor.workspaceId,
    assets.map((a) => a.id),
  );
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const items = assets.map((a) => ({
    ...a,
    stageNames: a.stageIds.map((id) => stageName.get(id) ?? ""),
    tagNames: tags.get(a.id) ?? [],
  }));
  const list = {
    items,
    showStatus: canWrite,
    showOwner: actor.role !== "partner",
    emptyTitle: stage ? "No assets for this stage yet" : "The library is empty",
    emptyHint: canWrite
      ? "Upload a file to publish the first asset."
      : "Marketing hasn't published anything here yet.",
  };
  return (
    <>
      <PageHeader
        title="Library"
        description={
          canWrite
            ? "Every asset in the workspace, by buying stage."
            : "Published content for every stage of the deal."
        }
        actions={
          <div className="flex gap-2">
            <Link href="/stages" className={buttonClass("secondary")}>
              Browse by stage
            </Link>
            <Link href="/search" className={buttonClass("secondary")}>
              Search and filter
            </Link>
            {canWrite ? (
              <Link href="/assets/new" className={buttonClass("primary")}>
                Upload asset
              </Link>
            ) : null}
          </div>
        }
      />
      <StageFilter stages={stages} activeStageId={stage} basePath="/library" />
      {canWrite ? (
        <SelectableAssetList {...list} stages={stages} terms={terms} partnerOptions={partnerOptions} />
      ) : (
        <AssetList {...list} />
      )}
    </>
  );
}
