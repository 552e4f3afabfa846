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
        description="Add a file, tag the buying stages it serves, and publish it to the field."
      />
      <UploadForm stages={stages} canPublish={can(actor.role, "assets.publish")} />
    </>
  );
}
