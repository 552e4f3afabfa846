import { ImportWizard } from "@/components/deals/import-wizard";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Import deals" };

export default async function ImportDealsPage() {
  const { actor, db } = await requirePage("deals.write");
  const stages = await listStages(db, actor.workspaceId);
  return (
    <>
      <PageHeader
        title="Import deals from your CRM"
        description="Upload a Salesforce opportunity report, a Data Loader export, a HubSpot deals export or any CSV. Re-importing the same file updates deals by their CRM id; it never duplicates them. Rows with problems are listed by line and skipped; the rest are imported."
      />
      <ImportWizard stages={stages} />
    </>
  );
}
