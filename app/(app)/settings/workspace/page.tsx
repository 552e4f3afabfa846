import { ApprovalSetting } from "@/components/settings/approval-setting";
import { SearchLanguageSetting } from "@/components/settings/search-language-setting";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { getWorkspaceSettings } from "@/server/workspaces/workspace-settings";

export const metadata = { title: "Workspace settings" };

export default async function WorkspaceSettingsPage() {
  const { actor, db } = await requirePage("settings.manage");
  const settings = await getWorkspaceSettings(db, actor.workspaceId);
  return (
    <>
      <PageHeader title="Workspace settings" description={settings.name} />
      <div className="space-y-6">
        <Card title="Publishing">
          <ApprovalSetting required={settings.requireSecondApproval} />
        </Card>
        <Card title="Search">
          <SearchLanguageSetting language={settings.searchLanguage} />
        </Card>
      </div>
    </>
  );
}
