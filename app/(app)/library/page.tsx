import { z } from "zod";
import { AssetList } from "@/components/assets/asset-list";
import { SelectableAssetList } from "@/components/assets/selectable-asset-list";
import { StageFilter } from "@/components/assets/stage-filter";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { loadLibraryPage } from "@/server/assets/load-library-page";
import { requirePage } from "@/server/auth/require-page";
import { seesInternalDetails } from "@/server/authz/rules";

export const metadata = { title: "Library" };

const params = z.object({ stage: z.uuid().optional().catch(undefined) });

export default async function LibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { actor, db } = await requirePage("assets.read");
  const { stage } = params.parse(await searchParams);
  const { canWrite, stages, items, terms, partnerOptions } = await loadLibraryPage(db, actor, stage);
  const list = {
    items,
    showStatus: canWrite,
    showOwner: seesInternalDetails(actor),
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
            <ButtonLink href="/stages" variant="secondary">
              Browse by stage
            </ButtonLink>
            <ButtonLink href="/search" variant="secondary">
              Search and filter
            </ButtonLink>
            {canWrite ? <ButtonLink href="/assets/new">Upload asset</ButtonLink> : null}
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
