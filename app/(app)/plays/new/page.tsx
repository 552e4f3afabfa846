import { PlayEditor } from "@/components/plays/play-editor";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/server/auth/session";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "New play" };

export default async function NewPlayPage() {
  const actor = await requirePageActor("plays.write");
  const stages = await listStages(await getDb(), actor.workspaceId);
  return (
    <>
      <PageHeader
        title="New play"
        description="Each step belongs to a buying stage and names the assets to use."
      />
      <PlayEditor
        stages={stages}
        play={{
          name: "",
          scenario: "",
          steps: [{ key: "first", stageId: stages[0]?.id ?? "", title: "", guidance: "", assets: [] }],
        }}
      />
    </>
  );
}
