import { ApprovalSetting } from "@/components/settings/approval-setting";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/server/auth/session";
import { getWorkspaceSettings } from "@/server/workspaces/workspace-settings";

export const metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage() {
  const actor = await requirePageActor("settings.manage");
  const settings = await getWorkspaceSettings(await getDb(), actor.workspaceId);
  return (
    <>
      <PageHeader title="Workspace settings" description={settings.name} />
      <Card title="Publishing">
        <ApprovalSetting required={settings.requireSecondApproval} />
      </Card>
    </>
  );
}
