import { UploadForm } from "@/components/assets/upload-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { listStages } from "@/server/workspaces/stage-queries";
import { getWorkspaceSettings } from "@/server/workspaces/workspace-settings";

export const metadata = { title: "Upload asset" };

export default async function NewAssetPage() {
  const { actor, db } = await requirePage("assets.write");
  const [stages, settings] = await Promise.all([
    listStages(db, actor.workspaceId),
    getWorkspaceSettings(db, actor.workspaceId),
  ]);
  // With second-person approval on, uploads start as drafts and go through review.
  const canPublish = actorCan(actor, "assets.publish") && !settings.requireSecondApproval;
  return (
    <>
      <PageHeader
        title="Upload asset"
        description="Add one or more files, tag the buying stages they serve, and publish them to the field."
      />
      <UploadForm stages={stages} canPublish={canPublish} />
    </>
  );
}
