import { DemandSummary } from "@/components/requests/demand-summary";
import { RequestBoard } from "@/components/requests/request-board";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { requestDemand } from "@/server/requests/request-demand";
import { listRequests } from "@/server/requests/request-queries";
import { seesInternalDetails } from "@/server/authz/rules";

export const metadata = { title: "Content requests" };

export default async function RequestsPage() {
  const { actor, db } = await requirePage("requests.create");
  const triage = actorCan(actor, "requests.triage");
  const [all, demand] = await Promise.all([
    listRequests(db, actor),
    triage ? requestDemand(db, actor) : Promise.resolve(null),
  ]);
  const requests = all.filter((r) => r.status !== "merged");
  return (
    <>
      <PageHeader
        title="Content requests"
        description={
          triage
            ? "What the field is asking for, most wanted first. Accept, decline with a reason, merge duplicates, and deliver with the asset that answers it."
            : !seesInternalDetails(actor)
              ? "What your organisation asked marketing for. Add your vote when you need the same."
              : "What the field asked marketing for. Add your vote when you need the same; you will hear when it is delivered."
        }
        actions={<ButtonLink href="/requests/new">Request content</ButtonLink>}
      />
      {demand ? <DemandSummary {...demand} /> : null}
      {requests.length === 0 ? (
        <EmptyState title="No requests yet">
          Missing a case study, battlecard or talk track? Use “Request content” and marketing will see it
          here.
        </EmptyState>
      ) : (
        <RequestBoard requests={requests} triage={triage} />
      )}
    </>
  );
}
