import { UploadForm } from "@/components/assets/upload-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Upload asset" };

export default async function NewAssetPage() {
  const actor = await requirePageActor("assets.write");
  const stages = await listStages(await getDb(), actor.workspaceId);
  return (
    <>
      <PageHeader
        title="Upload asset"
        description="Add one or more files, tag the buying stages they serve, and publish them to the field."
      />
      <UploadForm stages={stages} canPublish={can(actor.role, "assets.publish")} />
    </>
  );
}
