import "server-only";
import { getDb } from "@/db/client";
import { parsePageFilters } from "@/lib/analytics/page-filters";
import { requirePageActor } from "@/server/auth/session";
import { analyticsFilterOptions } from "./filter-options";

/** What every marketing dashboard page starts with: the actor, filters from the URL, filter choices. */
export async function loadDashboardContext(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
) {
  const actor = await requirePageActor("analytics.read");
  const params = await searchParams;
  const { filters, range } = parsePageFilters(params);
  const db = await getDb();
  const options = await analyticsFilterOptions(db, actor.workspaceId);
  // Links keep the period by name (not the computed start date) so they stay "last 90 days" when reopened.
  const explicitFrom = typeof params.from === "string" && params.from !== "";
  const linkParams: Record<string, string | undefined> = {
    ...filters,
    from: explicitFrom ? filters.from : undefined,
    range: range === "12m" ? undefined : range,
  };
  return { actor, db, filters, range, options, linkParams };
}
