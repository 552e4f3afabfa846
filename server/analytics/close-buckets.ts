import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsFilters } from "@/lib/schemas/analytics";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the month of `date` (YYYY-MM-DD), moved by `months`. */
function monthStart(date: string, months = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  return day(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return day(d);
}

/**
 * The outcome rollup rows (columns `span` and `bucket` of a table aliased `alias`) that make up exactly
 * the deals closed in the period: whole months from the monthly rows, the days before the first whole
 * month and after the last one from the daily rows. Without from/to: every monthly row, including the
 * '-infinity' bucket of deals closed without a date (closedInPeriodSql keeps those only then too).
 */
export function closeBucketsSql(alias: string, f: AnalyticsFilters): SQL {
  const span = sql.raw(`${alias}.span`);
  const bucket = sql.raw(`${alias}.bucket`);
  if (!f.from && !f.to) return sql`${span} = 'month'`;
  // Whole months are [firstMonth, endMonth); days outside that but inside [from, to] come from days.
  const firstMonth = f.from ? (f.from.endsWith("-01") ? f.from : monthStart(f.from, 1)) : undefined;
  const endMonth = f.to ? monthStart(nextDay(f.to)) : undefined;
  const months: SQL[] = [sql`${span} = 'month'`, sql`${bucket} > '-infinity'::date`];
  const days: SQL[] = [sql`${span} = 'day'`];
  if (firstMonth) months.push(sql`${bucket} >= ${firstMonth}::date`);
  if (endMonth) months.push(sql`${bucket} < ${endMonth}::date`);
  if (f.from) days.push(sql`${bucket} >= ${f.from}::date`);
  if (f.to) days.push(sql`${bucket} <= ${f.to}::date`);
  const outside: SQL[] = [];
  if (firstMonth) outside.push(sql`${bucket} < ${firstMonth}::date`);
  if (endMonth) outside.push(sql`${bucket} >= ${endMonth}::date`);
  days.push(sql`(${sql.join(outside, sql` OR `)})`);
  return sql`((${sql.join(months, sql` AND `)}) OR (${sql.join(days, sql` AND `)}))`;
}
