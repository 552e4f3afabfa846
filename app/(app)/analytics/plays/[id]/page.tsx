import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DrillDealsTable } from "@/components/analytics/drill-deals-table";
import { PageHeader } from "@/components/ui/card";
import { filterQuery, formatLift, formatRate } from "@/lib/analytics/display";
import { metricExplanations as m } from "@/lib/analytics/explanations";
import { uuidOrNotFound } from "@/server/auth/require-page";
import { loadDashboardContext } from "@/server/analytics/dashboard-context";
import { listClosedDealsWhere } from "@/server/analytics/drill-down";
import { listPlayEffectiveness, playDealsSql } from "@/server/analytics/play-effectiveness";

export const metadata = { title: "Deals behind a play's numbers" };

const side = z.enum(["used", "baseline"]).catch("used");

export default async function PlayDrillDownPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = uuidOrNotFound((await params).id);
  const raw = await searchParams;
  const which = side.parse(raw.side);
  const { actor, db, filters, linkParams } = await loadDashboardContext(Promise.resolve(raw));
  const play = (await listPlayEffectiveness(db, actor.workspaceId, filters)).find((p) => p.playId === id);
  if (!play) notFound();
  const deals = await listClosedDealsWhere(
    db,
    actor.workspaceId,
    filters,
    playDealsSql(actor.workspaceId, play.playId, which),
  );
  const rate = which === "used" ? play.used : play.baseline;
  const other = which === "used" ? "baseline" : "used";
  return (
    <>
      <PageHeader
        title={`${which === "used" ? "Deals that ran" : "Baseline deals for"} “${play.name}”`}
        description={which === "used" ? m.playWinRate : m.playBaseline}
      />
      <p className="mb-4 text-sm text-slate-700" data-testid="drill-summary">
        {rate.won} won, {rate.lost} lost: win rate {formatRate(rate.rate)}. Lift {formatLift(play.lift)}.{" "}
        <Link
          href={`/analytics/plays/${play.playId}?${filterQuery(linkParams, { side: other })}`}
          className="text-brand-700 hover:underline"
        >
          {which === "used" ? "See the baseline deals" : "See the deals that ran it"}
        </Link>
      </p>
      <DrillDealsTable deals={deals} csvName={`play-${which}-deals.csv`} />
    </>
  );
}
