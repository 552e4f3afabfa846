import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { requirePage } from "@/server/auth/require-page";
import { actorCan } from "@/server/authz/permissions";
import { listPlays } from "@/server/plays/play-queries";

export const metadata = { title: "Plays" };

export default async function PlaysPage() {
  const { actor, db } = await requirePage("plays.read");
  const plays = await listPlays(db, actor);
  const canWrite = actorCan(actor, "plays.write");
  return (
    <>
      <PageHeader
        title="Plays"
        description="Step-by-step sequences of content across the buying journey, for a scenario. Run one from a deal."
        actions={canWrite ? <ButtonLink href="/plays/new">New play</ButtonLink> : null}
      />
      {plays.length === 0 ? (
        <EmptyState title="No plays yet">
          {canWrite
            ? "Build the first one: name a scenario, then add a step per stage with the assets to use."
            : "Marketing has not published any plays yet. Meanwhile, each deal page recommends content for its stage."}
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100" aria-label="Plays">
            {plays.map((p) => (
              <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/plays/${p.id}`} className="font-medium hover:text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                  {p.scenario ? <p className="text-sm text-slate-600">{p.scenario}</p> : null}
                </div>
                <span className="text-xs text-slate-500">
                  {p.steps} {p.steps === 1 ? "step" : "steps"} · running on {p.deals}{" "}
                  {p.deals === 1 ? "deal" : "deals"} · updated {formatDate(p.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
