import { z } from "zod";
import { analyticsFiltersSchema, type AnalyticsFilters } from "@/lib/schemas/analytics";

export const ranges = { "90d": "Last 90 days", "12m": "Last 12 months", all: "All time" } as const;
export type Range = keyof typeof ranges;

const rangeSchema = z.enum(Object.keys(ranges) as [Range, ...Range[]]).catch("12m");

/**
 * Dashboard search params -> filters. A malformed or empty value is dropped rather than failing the
 * page; the named range sets `from` unless an explicit from/to is given.
 */
export function parsePageFilters(
  params: Record<string, string | string[] | undefined>,
  today = new Date(),
): { filters: AnalyticsFilters; range: Range } {
  const filters: Record<string, unknown> = {};
  for (const key of Object.keys(analyticsFiltersSchema.shape) as (keyof AnalyticsFilters)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value) continue;
    const parsed = analyticsFiltersSchema.shape[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
  }
  const range = rangeSchema.parse(params.range);
  if (!filters.from && !filters.to && range !== "all") {
    const from = new Date(today);
    if (range === "90d") from.setUTCDate(from.getUTCDate() - 90);
    else from.setUTCFullYear(from.getUTCFullYear() - 1);
    filters.from = from.toISOString().slice(0, 10);
  }
  return { filters: filters as AnalyticsFilters, range };
}
