import "server-only";
import { parsePageFilters } from "@/lib/analytics/page-filters";
import { requirePage } from "@/server/auth/require-page";
import { analyticsFilterOptions } from "./filter-options";

/**
 * The door of every marketing dashboard page: requirePage("analytics.read"), then the filters from the URL
 * and the filter choices.
 */
export async function loadDashboardContext(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
) {
  const { actor, db } = await requirePage("analytics.read");
  const params = await searchParams;
  const { filters, range } = parsePageFilters(params);
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
