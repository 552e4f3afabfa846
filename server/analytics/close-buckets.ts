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

function yearStart(date: string, years = 0): string {
  return `${Number(date.slice(0, 4)) + years}-01-01`;
}

/** The period's whole UTC years: [firstYear, endYear), either end open when the period is. */
function wholeYears(f: AnalyticsFilters) {
  const firstYear = f.from ? (f.from.endsWith("-01-01") ? f.from : yearStart(f.from, 1)) : undefined;
  const endYear = f.to ? yearStart(nextDay(f.to)) : undefined;
  return { firstYear, endYear };
}

/** The period's whole UTC months: [firstMonth, endMonth), either end open when the period is. */
function wholeMonths(f: AnalyticsFilters) {
  const firstMonth = f.from ? (f.from.endsWith("-01") ? f.from : monthStart(f.from, 1)) : undefined;
  const endMonth = f.to ? monthStart(nextDay(f.to)) : undefined;
  return { firstMonth, endMonth };
}

/** A month column (first days of months) within the period's whole months. */
export function wholeMonthsSql(month: SQL, f: AnalyticsFilters): SQL {
  const { firstMonth, endMonth } = wholeMonths(f);
  const parts: SQL[] = [sql`true`];
  if (firstMonth) parts.push(sql`${month} >= ${firstMonth}::date`);
  if (endMonth) parts.push(sql`${month} < ${endMonth}::date`);
  return sql.join(parts, sql` AND `);
}

/** A day column within the period but outside its whole months (false without from/to). */
export function edgeDaysSql(day: SQL, f: AnalyticsFilters): SQL {
  if (!f.from && !f.to) return sql`false`;
  const { firstMonth, endMonth } = wholeMonths(f);
  const parts: SQL[] = [];
  if (f.from) parts.push(sql`${day} >= ${f.from}::date`);
  if (f.to) parts.push(sql`${day} <= ${f.to}::date`);
  const outside: SQL[] = [];
  if (firstMonth) outside.push(sql`${day} < ${firstMonth}::date`);
  if (endMonth) outside.push(sql`${day} >= ${endMonth}::date`);
  parts.push(sql`(${sql.join(outside, sql` OR `)})`);
  return sql.join(parts, sql` AND `);
}

/**
 * The rollup rows (columns `span` and `bucket` of a table aliased `alias`; spans 'year', 'month', 'day')
 * that make up exactly the period: its whole years from the yearly rows, its other whole months from
 * the monthly rows, and the days outside its whole months from the daily rows. Without from/to: every
 * yearly row, including the '-infinity' bucket of deals closed without a date (closedInPeriodSql keeps
 * those only then too).
 */
export function closeBucketsSql(alias: string, f: AnalyticsFilters): SQL {
  const span = sql.raw(`${alias}.span`);
  const bucket = sql.raw(`${alias}.bucket`);
  if (!f.from && !f.to) return sql`${span} = 'year'`;
  const { firstYear, endYear } = wholeYears(f);
  const inYears: SQL[] = [sql`${bucket} > '-infinity'::date`];
  if (firstYear) inYears.push(sql`${bucket} >= ${firstYear}::date`);
  if (endYear) inYears.push(sql`${bucket} < ${endYear}::date`);
  const years = sql.join(inYears, sql` AND `);
  return sql`((${span} = 'year' AND ${years})
    OR (${span} = 'month' AND ${bucket} > '-infinity'::date AND ${wholeMonthsSql(bucket, f)} AND NOT (${years}))
    OR (${span} = 'day' AND ${edgeDaysSql(bucket, f)}))`;
}
