import { PlayEditor } from "@/components/plays/play-editor";
import { PlayStepsView } from "@/components/plays/play-steps-view";
import { PageHeader } from "@/components/ui/card";
import { orNotFound, requirePage, uuidOrNotFound } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { getPlayOrThrow } from "@/server/plays/play-queries";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Play" };

export default async function PlayPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, db } = await requirePage("plays.read");
  const id = uuidOrNotFound((await params).id);
  const { play, steps } = await orNotFound(getPlayOrThrow(db, actor, id));
  if (!actorCan(actor, "plays.write")) {
    return (
      <>
        <PageHeader title={play.name} description={play.scenario || undefined} />
        <PlayStepsView steps={steps} label="Steps" />
      </>
    );
  }
  const stages = await listStages(db, actor.workspaceId);
  return (
    <>
      <PageHeader title={play.name} description="Edit the play; deals running it keep the steps they did." />
      <PlayEditor
        stages={stages}
        play={{
          id: play.id,
          name: play.name,
          scenario: play.scenario,
          steps: steps.map((s) => ({
            key: s.id,
            id: s.id,
            stageId: s.stageId,
            title: s.title,
            guidance: s.guidance,
            assets: s.assets,
          })),
        }}
      />
    </>
  );
}
