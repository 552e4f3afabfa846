import { NewRequestForm } from "@/components/requests/new-request-form";
import { PageHeader } from "@/components/ui/card";
import { requirePage } from "@/server/auth/require-page";
import { myOpenDeals } from "@/server/deals/deal-queries";
import { listTermOptions } from "@/server/taxonomy/taxonomy-queries";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "Request content" };

const first = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.split(",")[0]?.trim() || undefined;

/** The request form, pre-filled from a search that found nothing (?q=…&stageIds=…&industryIds=…). */
export default async function NewRequestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db } = await requirePage("requests.create");
  const params = await searchParams;
  const [stages, terms, deals] = await Promise.all([
    listStages(db, actor.workspaceId),
    listTermOptions(db, actor.workspaceId),
    myOpenDeals(db, actor),
  ]);
  const known = (id: string | undefined, options: { id: string }[]) =>
    id && options.some((o) => o.id === id) ? id : undefined;
  const industries = terms.filter((t) => t.kind === "industry");
  const competitors = terms.filter((t) => t.kind === "competitor");
  const q = first(params.q)?.slice(0, 200);
  return (
    <>
      <PageHeader
        title="Request content"
        description="Tell marketing what the field is missing. Others can add their vote, and you will hear when it is delivered."
      />
      <NewRequestForm
        stages={stages}
        industries={industries}
        competitors={competitors}
        deals={deals.map((d) => ({ id: d.id, name: `${d.name} — ${d.accountName}` }))}
        prefill={{
          title: first(params.title)?.slice(0, 200) ?? q,
          details: q ? `I searched for “${q}” and found nothing.` : undefined,
          stageId: known(first(params.stageIds), stages),
          industryId: known(first(params.industryIds), industries),
          competitorId: known(first(params.competitorIds), competitors),
          searchQuery: q,
        }}
      />
    </>
  );
}
