import { PlayEditor } from "@/components/plays/play-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "New play" };

export default async function NewPlayPage() {
  const { actor, db } = await requirePage("plays.write");
  const stages = await listStages(db, actor.workspaceId);
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
