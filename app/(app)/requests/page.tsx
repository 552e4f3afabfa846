import Link from "next/link";
import { RequestBoard } from "@/components/requests/request-board";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/server/auth/session";
import { can } from "@/server/authz/permissions";
import { listRequests } from "@/server/requests/request-queries";

export const metadata = { title: "Content requests" };

export default async function RequestsPage() {
  const actor = await requirePageActor("requests.create");
  const requests = (await listRequests(await getDb(), actor)).filter((r) => r.status !== "merged");
  const triage = can(actor.role, "requests.triage");
  return (
    <>
      <PageHeader
        title="Content requests"
        description={
          triage
            ? "What the field is asking for, most wanted first. Accept, decline with a reason, merge duplicates, and deliver with the asset that answers it."
            : actor.role === "partner"
              ? "What your organisation asked marketing for. Add your vote when you need the same."
              : "What the field asked marketing for. Add your vote when you need the same; you will hear when it is delivered."
        }
        actions={
          <Link href="/requests/new" className={buttonClass("primary")}>
            Request content
          </Link>
        }
      />
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
