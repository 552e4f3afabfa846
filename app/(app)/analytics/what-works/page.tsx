import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatLift, formatRate } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import { parsePageFilters } from "@/lib/analytics/page-filters";
import type { AssetAnalytics } from "@/lib/schemas/analytics";
import { whatWorksAtStage } from "@/server/analytics/what-works";
import { requirePage } from "@/server/auth/require-page";
import { listStages } from "@/server/workspaces/stage-queries";

export const metadata = { title: "What works by stage" };

function AssetLine({ a, stage }: { a: AssetAnalytics; stage: string }) {
  return (
    <li className="py-3">
      <Link href={`/assets/${a.assetId}`} className="font-medium text-brand-700 hover:underline">
        {a.title}
      </Link>
      <p className="text-sm text-slate-600">
        {a.lift === null
          ? `Used ${a.usages} times at ${stage}; too few closed deals to tell yet.`
          : `Deals that used it at ${stage} won ${formatRate(a.used.rate)} (${a.used.won} of ${a.used.closed}); comparable deals without it won ${formatRate(a.baseline.rate)}. Lift ${formatLift(a.lift)}.`}
      </p>
    </li>
  );
}

export default async function WhatWorksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db } = await requirePage("analytics.stage_insights");
  const stages = await listStages(db, actor.workspaceId);
  const { filters } = parsePageFilters(await searchParams);
  const stage = stages.find((s) => s.id === filters.stageId) ?? stages[0];
  if (!stage) {
    return (
      <EmptyState title="No buying stages yet">An admin sets up the buying stages in Settings.</EmptyState>
    );
  }
  const { ahead, measured, popular } = await whatWorksAtStage(db, actor, {
    from: filters.from,
    to: filters.to,
    stageId: stage.id,
  });
  return (
    <>
      <PageHeader
        title="What works at this stage"
        description="Content that went with won deals at each stage over the last 12 months."
      />
      <nav aria-label="Stages" className="mb-6 flex flex-wrap gap-2 text-sm">
        {stages.map((s) => (
          <Link
            key={s.id}
            href={`/analytics/what-works?stageId=${s.id}`}
            aria-current={s.id === stage.id ? "page" : undefined}
            className={`rounded-full px-3 py-1 ring-1 ${s.id === stage.id ? "bg-brand-600 text-white ring-brand-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {s.name}
          </Link>
        ))}
      </nav>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Ahead of comparable deals at ${stage.name}`}>
          {ahead.length === 0 ? (
            <EmptyState title="Nothing stands out yet">
              No asset is clearly ahead at this stage. Log what you use on your deals so this gets sharper.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {ahead.map((a) => (
                <AssetLine key={a.assetId} a={a} stage={stage.name} />
              ))}
            </ul>
          )}
        </Card>
        <Card title={`Most used at ${stage.name}, too early to tell`}>
          {popular.length === 0 ? (
            <EmptyState title="No other usage logged">Usages logged at this stage appear here.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {popular.map((a) => (
                <AssetLine key={a.assetId} a={a} stage={stage.name} />
              ))}
            </ul>
          )}
        </Card>
        {measured.length ? (
          <Card title="Measured, no clear difference" className="lg:col-span-2">
            <ul className="divide-y divide-slate-100">
              {measured.map((a) => (
                <AssetLine key={a.assetId} a={a} stage={stage.name} />
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
      <p className="mt-6 text-sm text-amber-800">{m.causation}</p>
    </>
  );
}
